"""Apps that build on news annotate articles without news knowing them.

An app registers a function taking an ``ArticlePage``; it runs whenever the
article is cleaned before a save (drafts, revisions and publication), so what it
sets on the page's own relations is kept in revisions and published with them.
"""

_annotators = []


def register(annotator):
    """Register ``annotator(article)``; returns it, so it can be used as a decorator."""
    if annotator not in _annotators:
        _annotators.append(annotator)
    return annotator


def annotate(article):
    for annotator in _annotators:
        annotator(article)
