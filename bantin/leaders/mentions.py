"""Find the leaders an article is about: by full name, or by a position title resolved to
whoever held it on the article's date."""

import re

from django.utils.html import strip_tags

from bantin.core import text
from bantin.news import annotations


def canonical(value):
    """Lower-case NFC text with modern tone placement, so spellings of a name compare equal."""
    return text.modern_tones(value or "").lower()


def article_text(article):
    parts = [article.title, article.lead]
    for block in article.body or []:
        value = block.value
        if hasattr(value, "source"):
            parts.append(strip_tags(value.source))
        elif isinstance(value, str):
            parts.append(value)
        elif hasattr(value, "get"):
            parts.extend(str(value.get(key) or "") for key in ("text", "caption", "attribution"))
    return "\n".join(part for part in parts if part)


def _phrase(phrase):
    return re.compile(rf"(?<!\w){re.escape(phrase)}(?!\w)")


class Mentions:
    """What ``leaders`` are named by, compared as ``canonical`` text: their names and the
    titles of their positions, prepared once to look for in many texts."""

    def __init__(self, leaders):
        self.names = [(leader, _phrase(canonical(leader.title))) for leader in leaders]
        holders = {}
        for leader in leaders:
            for position in leader.positions.all():
                holders.setdefault(canonical(position.title), []).append((leader, position))
        # Longer titles first: they win over the shorter ones inside them.
        self.titles = [
            (_phrase(title), holders[title]) for title in sorted(holders, key=len, reverse=True)
        ]

    def found(self, content, day):
        """See ``leaders_mentioned``."""
        haystack = canonical(content)
        found = {}
        for leader, name in self.names:
            if name.search(haystack):
                found[leader.pk] = leader
        taken = bytearray(len(haystack))
        for title, holders in self.titles:
            for match in title.finditer(haystack):
                start, end = match.span()
                if any(taken[start:end]) or haystack[:start].endswith("phó "):
                    continue
                taken[start:end] = b"\x01" * (end - start)
                current = {leader.pk: leader for leader, pos in holders if pos.held_on(day)}
                if len(current) == 1:
                    found.update(current)
        return list(found.values())


def leaders_mentioned(content, day, leaders):
    """The leaders among ``leaders`` that ``content`` names, or whose title it uses on ``day``.

    A title matches only when exactly one leader held it that day; longer titles win over
    the shorter ones inside them ("Phó Chủ tịch HĐND tỉnh" is not "Chủ tịch HĐND tỉnh").
    """
    return Mentions(leaders).found(content, day)


def article_leaders_link(article):
    """Bring ``article``'s automatic leader links up to date with its text.

    Links an editor added, and links an editor excluded, are kept as they are; an
    automatic link whose leader is no longer mentioned is dropped.
    """
    from bantin.leaders.models import ArticleLeader
    from bantin.leaders.selectors import live_leaders

    # Many articles in a row (an import) share one reading of the leaders.
    mentions = annotations.shared("leaders.mentions", lambda: Mentions(live_leaders()))
    found = mentions.found(article_text(article), article.display_date)
    found_ids = {leader.pk for leader in found}
    links = [
        link
        for link in article.leader_links.all()
        if link.origin != ArticleLeader.AUTO or link.excluded or link.leader_id in found_ids
    ]
    known = {link.leader_id for link in links}
    links += [
        ArticleLeader(leader=leader, origin=ArticleLeader.AUTO)
        for leader in found
        if leader.pk not in known
    ]
    article.leader_links = links
