"""Apps that build on news annotate articles without news knowing them.

An app registers a function taking an ``ArticlePage``; it runs whenever the
article is cleaned before a save (drafts, revisions and publication), so what it
sets on the page's own relations is kept in revisions and published with them.
"""

import contextlib
import contextvars

_annotators = []
# What annotators read once for a run of articles (see ``annotating_many``).
_shared = contextvars.ContextVar("bantin_annotation_shared", default=None)


def register(annotator):
    """Register ``annotator(article)``; returns it, so it can be used as a decorator."""
    if annotator not in _annotators:
        _annotators.append(annotator)
    return annotator


def annotate(article):
    for annotator in _annotators:
        annotator(article)


@contextlib.contextmanager
def annotating_many():
    """Annotate many articles in a row: inside the block, what annotators read through
    ``shared()`` is read once. Use it inside a transaction that the block covers, so
    that what was read does not change meanwhile."""
    if _shared.get() is not None:
        yield
        return
    token = _shared.set({})
    try:
        yield
    finally:
        _shared.reset(token)


def shared(key, read):
    """``read()``; inside ``annotating_many()``, what it returned the first time for ``key``."""
    values = _shared.get()
    if values is None:
        return read()
    if key not in values:
        values[key] = read()
    return values[key]
