"""Ranking: title above lead above body, the reader's own diacritics above folded
matches, words side by side above scattered, and newer above older when the rest
is close. Pure Python over the candidates' stored text, so it is the same on
every database."""

import math

from django.db.models.functions import Length

from bantin.search import analysis
from bantin.search import query as query_language
from bantin.search.models import SearchTerm

FIELD_WEIGHTS = {"title": 3.0, "lead": 2.0, "body": 1.0}
EXACT_BONUS = 0.3
PHRASE_BONUS = 0.6
FRESHNESS = 0.12
EXACT_RERANK = 50


def frequencies(parsed, extra=()):
    """Document counts of the query's folded words and of ``extra`` words;
    ``""`` holds the total."""
    words = {word.folded for slot in parsed.slots for seq in slot.alternatives for word in seq}
    words.update(extra)
    words.add("")
    found = dict(SearchTerm.objects.filter(term__in=words).values_list("term", "documents"))
    return {word: found.get(word, 0) for word in words}


def _within_one_edit(a, b):
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        return (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        )
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def correct(parsed, counts):
    """Add likely spellings to words found in no document ("homstay" → "homestay").

    ``counts`` are the query's word ``frequencies``. Changes ``parsed`` in place;
    returns ``{typed: suggested}`` for display.
    """
    corrections = {}
    for position, slot in enumerate(parsed.slots):
        if slot.quoted or len(slot.alternatives) != 1 or len(slot.words) != 1:
            continue
        word = slot.words[0]
        if len(word.folded) < 5 or not word.folded.isalpha():
            continue
        if counts.get(word.folded, 0):
            continue
        prefix = word.folded[:2]
        candidates = (
            SearchTerm.objects.filter(term__gte=prefix, term__lt=prefix + "\uffff", documents__gt=0)
            .annotate(size=Length("term"))
            .filter(size__gte=len(word.folded) - 1, size__lte=len(word.folded) + 1)
            .order_by("-documents")
            .values_list("term", flat=True)[:2000]
        )
        close = [term for term in candidates if _within_one_edit(word.folded, term)][:3]
        if not close:
            continue
        corrections[word.exact] = close[0]
        alternatives = (slot.words, *[(analysis.Word(t, t),) for t in close])
        parsed.slots[position] = query_language.Slot(alternatives)
    return corrections


def score(parsed, rows, tiers, counts, today, exact_words):
    """Score candidate rows ``(key, content_type_id, object_id, date, title, lead, body)``;
    returns ``{key: score}``.

    ``tiers`` maps how a document was found (``all``, ``title``, ``phrase``,
    ``relaxed``, ``loose``) to keys. ``body`` is ``None`` for documents known to
    hold every slot somewhere; the others are checked against their body.
    ``exact_words(keys)`` returns each document's diacritic words; it is asked
    only about the best ``EXACT_RERANK`` documents, whose order the reader's
    own diacritics may change.
    """
    total_documents = max(counts.get("", 0), 1)
    in_phrase = set(tiers.get("phrase", ()))

    def idf(seq):
        return max(math.log(1 + total_documents / (counts.get(word.folded, 0) + 1)) for word in seq)

    slots = [
        (
            [f" {' '.join(word.folded for word in seq)} " for seq in slot.alternatives],
            [f" {word.exact} " for seq in slot.alternatives for word in seq if word.marked],
            max(idf(seq) for seq in slot.alternatives),
        )
        for slot in parsed.slots
    ]
    best = sum(weight for _, _, weight in slots) * (FIELD_WEIGHTS["title"] + EXACT_BONUS)
    plain = [slot.words for slot in parsed.slots if not slot.quoted and len(slot.alternatives) == 1]
    flat = [word.folded for seq in plain for word in seq]
    pairs = {f" {a} {b} " for a, b in zip(flat, flat[1:], strict=False)}

    scores = {}
    for key, _type, _object_id, date, title, lead, body in rows:
        title, lead = f" {title} ", f" {lead} "
        body = f" {body} " if body is not None else None
        year = f" {date.year} "
        relevance = 0.0
        for alternatives, _marked, weight in slots:
            if any(needle in title or needle == year for needle in alternatives):
                field = "title"
            elif any(needle in lead for needle in alternatives):
                field = "lead"
            elif body is None or any(needle in body for needle in alternatives):
                field = "body"
            else:
                continue
            relevance += weight * FIELD_WEIGHTS[field]
        if pairs:
            nearness = sum(
                1.0 if pair in title else 0.5 if pair in lead else 0.0 for pair in pairs
            ) / len(pairs)
            if key in in_phrase:
                nearness = max(nearness, 0.5)
            relevance += best * PHRASE_BONUS * nearness
        age_years = max((today - date).days, 0) / 365.25
        scores[key] = relevance / best + FRESHNESS / (1 + age_years / 3)

    marked = [(words, weight) for _, words, weight in slots if words]
    if marked and scores:
        leaders = sorted(scores, key=lambda key: (-scores[key], -key))[:EXACT_RERANK]
        for key, exact in exact_words(leaders).items():
            bonus = sum(weight for words, weight in marked if any(w in exact for w in words))
            scores[key] += bonus * EXACT_BONUS / best
    return scores
