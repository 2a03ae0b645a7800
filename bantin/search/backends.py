"""Wagtail search backend with Vietnamese analysis, on SQLite FTS5 or PostgreSQL.

Configured as ``WAGTAILSEARCH_BACKENDS["default"]["BACKEND"] = "bantin.search.backends"``,
so every indexed model (pages, images, documents, snippets, the admin's own
searches) is analysed the Vietnamese way. Matching happens in the database on
folded words; ranking happens here, on the same signals for both databases, so
that SQLite and PostgreSQL return the same results in the same order.
"""

import datetime
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from django.utils.functional import cached_property
from modelsearch.backends.base import (
    BaseIndex,
    BaseSearchBackend,
    BaseSearchQueryCompiler,
    BaseSearchResults,
    SearchFieldError,
)
from modelsearch.index import AutocompleteField, RelatedFields, SearchField, get_indexed_models
from modelsearch.query import And, MatchAll, Not, Or, Phrase, PlainText
from modelsearch.utils import get_descendants_content_types_pks

from bantin.search import analysis, engines, ranking
from bantin.search import query as query_language
from bantin.search.models import SearchDocument, SearchTerm
from bantin.search.synonyms import synonym_groups

# Rank at most this many of the newest documents matching a query (per way of
# matching): a common word matches most of the archive, and ranking all of it
# would cost seconds while adding nothing a reader would page to.
CANDIDATES = 120
# Below a page of results, also accept documents that lack one of the words.
RELAX_BELOW = 10
# Queries longer than this are not looked for in titles alone.
TITLE_WORDS = 6
# Roughly the share of a word's documents that hold it in their title.
TITLE_SHARE = 0.1
# A document key packs the date (days since year 1) above the object's identity.
_DAY = 10**12


def document_key(day, content_type_id, object_id):
    try:
        identity = int(object_id) % 10**9
    except (TypeError, ValueError):
        identity = sum(ord(ch) * 31**i for i, ch in enumerate(str(object_id))) % 10**9
    return day.toordinal() * _DAY + content_type_id % 1000 * 10**9 + identity


def key_range(date_from=None, date_to=None):
    low = date_from.toordinal() * _DAY if date_from else 0
    high = (date_to.toordinal() + 1) * _DAY - 1 if date_to else 2**63 - 1
    return low, high


def document_date(obj):
    """The date a document is ordered by: its own ``date`` field, else when it was
    published or created, else today."""
    for name in ("date", "first_published_at", "created_at", "date_joined"):
        value = getattr(obj, name, None)
        if isinstance(value, datetime.datetime):
            return timezone.localdate(value) if timezone.is_aware(value) else value.date()
        if isinstance(value, datetime.date):
            return value
    return timezone.localdate()


def content_types_of(model):
    """Content type ids a document of ``model`` is found under: its own and its
    concrete ancestors' (an article is found when searching all pages)."""
    models = [model] + [parent for parent in model._meta.get_parent_list()]
    return [ContentType.objects.get_for_model(m, for_concrete_model=True).pk for m in models]


def scope_words(obj):
    words = [f"c{pk}" for pk in content_types_of(type(obj))]
    path = getattr(obj, "path", None)
    steplen = getattr(type(obj), "steplen", None)
    if isinstance(path, str) and steplen:
        words += [f"p{path[:end].lower()}" for end in range(steplen, len(path) + 1, steplen)]
    return " ".join(words)


def _values(field, obj):
    if isinstance(field, RelatedFields):
        related = field.get_value(obj)
        if related is None:
            return
        items = related.all() if hasattr(related, "all") else [related]
        for item in items:
            for sub_field in field.fields:
                yield from _values(sub_field, item)
        return
    if not isinstance(field, SearchField | AutocompleteField):
        return
    value = field.get_value(obj)
    if isinstance(value, list | tuple):
        value = " ".join(str(item) for item in value)
    elif isinstance(value, dict):
        value = " ".join(str(item) for item in value.values())
    if value:
        yield field, str(value)


def document_texts(obj):
    """Split ``obj``'s search fields into title, lead (boosted fields) and body."""
    title, lead, body = [], [], []
    for field in obj.get_search_fields():
        for found, value in _values(field, obj):
            if isinstance(found, AutocompleteField):
                continue
            if found.field_name == "title":
                title.append(value)
            elif (getattr(found, "boost", None) or 1) > 1:
                lead.append(value)
            else:
                body.append(value)
    return " ".join(title), " ".join(lead), " ".join(body)


def _terms(*folded_texts):
    found = set()
    for value in folded_texts:
        found.update(value.split())
    return found


class VietnameseIndex(BaseIndex):
    def add_items(self, model, objs):
        objs = list(objs)
        if not objs or not model.get_search_fields():
            return
        content_type = ContentType.objects.get_for_model(model, for_concrete_model=True)
        documents = []
        for obj in objs:
            day = document_date(obj)
            title_text, lead_text, body_text = document_texts(obj)
            # The date readers see is part of what they search for ("lũ tháng 6/2015").
            body_text += f" {day.day} {day.month} {day.year}"
            title, lead, body = (
                analysis.analyse(part) for part in (title_text, lead_text, body_text)
            )
            documents.append(
                SearchDocument(
                    key=document_key(day, content_type.pk, obj.pk),
                    content_type=content_type,
                    object_id=str(obj.pk),
                    date=day,
                    title=title.folded,
                    lead=lead.folded,
                    body=body.folded,
                    exact=" ".join(sorted(title.exact | lead.exact | body.exact)),
                    scope=scope_words(obj),
                )
            )
        with transaction.atomic():
            removed = self._remove(content_type.pk, [str(obj.pk) for obj in objs])
            SearchDocument.objects.bulk_create(documents, batch_size=500)
            added = [_terms(d.title, d.lead, d.body, d.scope) for d in documents]
            _count_terms(added, removed)

    def delete_item(self, item):
        content_type = ContentType.objects.get_for_model(type(item), for_concrete_model=True)
        with transaction.atomic():
            _count_terms([], self._remove(content_type.pk, [str(item.pk)]))

    def _remove(self, content_type_id, object_ids):
        """Delete the documents of these objects; return their term sets."""
        old = SearchDocument.objects.filter(
            content_type_id=content_type_id, object_id__in=object_ids
        )
        removed = [_terms(*row) for row in old.values_list("title", "lead", "body", "scope")]
        if removed:
            old.delete()
        return removed

    def delete_stale(self):
        for model in get_indexed_models():
            if model._meta.parents:
                continue
            for content_type_id in {
                ContentType.objects.get_for_model(m, for_concrete_model=True).pk
                for m in [model, *[m for m in get_indexed_models() if issubclass(m, model)]]
            }:
                existing = {str(pk) for pk in model._default_manager.values_list("pk", flat=True)}
                indexed = SearchDocument.objects.filter(content_type_id=content_type_id)
                stale = [
                    oid
                    for oid in indexed.values_list("object_id", flat=True)
                    if oid not in existing
                ]
                for start in range(0, len(stale), 500):
                    _count_terms([], self._remove(content_type_id, stale[start : start + 500]))

    def reset(self):
        SearchDocument.objects.all().delete()
        SearchTerm.objects.all().delete()


def _count_terms(added, removed):
    """Update the per-word document counts by the term sets of documents added and removed."""
    delta = {"": len(added) - len(removed)}
    for terms in added:
        for term in terms:
            delta[term] = delta.get(term, 0) + 1
    for terms in removed:
        for term in terms:
            delta[term] = delta.get(term, 0) - 1
    delta = {term: change for term, change in delta.items() if change and len(term) <= 255}
    if not delta:
        return
    names = list(delta)
    current = {}
    for start in range(0, len(names), 900):
        current.update(
            SearchTerm.objects.filter(term__in=names[start : start + 900]).values_list(
                "term", "documents"
            )
        )
    rows = [
        SearchTerm(term=term, documents=max(0, current.get(term, 0) + change))
        for term, change in delta.items()
    ]
    SearchTerm.objects.bulk_create(
        rows,
        batch_size=500,
        update_conflicts=True,
        unique_fields=["term"],
        update_fields=["documents"],
    )


class Rebuilder:
    """Used by ``manage.py update_index``: documents are replaced object by object,
    so searches keep working during a rebuild; stale ones go at the end."""

    def __init__(self, index):
        self.index = index

    def start(self):
        return self.index

    def finish(self):
        self.index.delete_stale()
        engines.statistics_refresh()


@dataclass
class Ranked:
    pks: list
    scores: dict
    capped: bool
    corrections: dict


class VietnameseQueryCompiler(BaseSearchQueryCompiler):
    DEFAULT_OPERATOR = "and"
    prefix = False

    def __init__(self, *args, within=None, date_from=None, date_to=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.within = within
        self.date_from = date_from
        self.date_to = date_to
        self._ranked = None

    def check(self):
        # Filters and ordering are applied by the database to the caller's own
        # queryset, so any field may be used; only search fields are checked.
        if self.fields:
            allowed = {f.field_name for f in self.queryset.model.get_searchable_search_fields()}
            for name in self.fields:
                if name not in allowed:
                    raise SearchFieldError(f"Không tìm được theo trường “{name}”.", field_name=name)

    @cached_property
    def parsed(self):
        return _parse(self.query, synonym_groups())

    def ranked(self):
        if self._ranked is None:
            self._ranked = self._rank()
        return self._ranked

    def _rank(self):
        parsed = self.parsed
        if not parsed:
            return Ranked([], {}, False, {})
        engine = engines.engine()
        model = self.queryset.model
        own_type = f"c{content_types_of(model)[0]}"
        section = None
        if self.within is not None and getattr(self.within, "path", None):
            section = f"p{self.within.path.lower()}"
        extra = [own_type] + ([section] if section else [])
        counts = ranking.frequencies(parsed, extra=extra)
        corrections = ranking.correct(parsed, counts)
        if corrections:
            counts = ranking.frequencies(parsed, extra=extra)
        total = max(counts[""], 1)
        # A type holding most of the index narrows nothing and costs a long posting
        # list; its documents are told apart by their content type below instead.
        scope = [own_type] if counts[own_type] * 2 < total else []
        if section:
            scope.append(section)
        keys = key_range(self.date_from, self.date_to)
        groups, excluded = [parsed.slots], parsed.excluded
        title_only = self.fields == ["title"]

        def estimate(groups, share=1.0):
            return engines.estimate(groups, scope, counts) * share, total

        tiers = {}
        request = dict(
            groups=groups,
            excluded=excluded,
            scope=scope,
            keys=keys,
            limit=CANDIDATES + 1,
            title_only=title_only,
            prefix=self.prefix,
            estimate=estimate(groups, TITLE_SHARE if title_only else 1.0),
            frequencies=counts,
        )
        # When the newest matches crowd out older articles that carry every word
        # in their title (more than CANDIDATES match), fetch those too. (The
        # title index cannot tell which of them hold an excluded word, so not
        # with exclusions.)
        title_request = None
        if not title_only and not excluded and len(parsed.slots) <= TITLE_WORDS:
            title_request = dict(
                request,
                limit=CANDIDATES,
                title_only=True,
                estimate=estimate(groups, TITLE_SHARE),
                frequencies=None,
            )
        tiers["all"], titles = engine.newest(request, title_request, CANDIDATES)
        if title_only and excluded:
            tiers["all"] = engine.among(tiers["all"], groups, excluded, scope)
        capped = len(tiers["all"]) > CANDIDATES
        if titles is not None:
            tiers["title"] = titles
        plain = [slot for slot in parsed.slots if not slot.quoted and len(slot.alternatives) == 1]
        if 2 <= len(plain) == len(parsed.slots) <= 4 and not capped:
            # Two to four words typed side by side (a full name) standing side by side.
            phrase = query_language.Slot((tuple(w for s in plain for w in s.words),), quoted=True)
            tiers["phrase"] = engine.among(tiers["all"], [[phrase]], excluded, scope)
        if len(tiers["all"]) < RELAX_BELOW:
            for name, loose_groups in engines.relaxations(parsed.slots, counts):
                tiers[name] = engine.keys(
                    loose_groups,
                    excluded,
                    scope,
                    keys,
                    CANDIDATES,
                    estimate=estimate(loose_groups),
                    frequencies=counts,
                )
                if len(set().union(*tiers.values())) >= RELAX_BELOW:
                    break
        found = set().union(*tiers.values())
        if not found:
            return Ranked([], {}, False, corrections)

        # Documents found by every word need no more reading; the others are
        # checked word by word against their text.
        certain = set(tiers["all"]) | set(tiers.get("title", ()))
        family = set(get_descendants_content_types_pks(model))
        pk_field = model._meta.pk
        by_pk = {}
        for row in engine.rows(found & certain, False) + engine.rows(found - certain, True):
            if row[1] in family:
                by_pk[pk_field.to_python(row[2])] = row
        allowed = set(
            self.queryset.filter(pk__in=engine.id_list(list(by_pk))).values_list("pk", flat=True)
        )
        scores = ranking.score(
            parsed,
            [by_pk[pk] for pk in allowed],
            tiers,
            counts,
            today=timezone.localdate(),
            exact_words=engine.exact_words,
        )
        order = sorted(allowed, key=lambda pk: (-scores[by_pk[pk][0]], -by_pk[pk][0]))
        return Ranked(order, {pk: scores[by_pk[pk][0]] for pk in order}, capped, corrections)

    def matching_queryset(self):
        ranked = self.ranked()
        return self.queryset.filter(pk__in=ranked.pks)


def _parse(query, groups):
    """Turn whatever Wagtail hands over (text or a query object) into a ``ParsedQuery``."""
    if isinstance(query, str):
        return query_language.parse(query, groups)
    if isinstance(query, PlainText):
        return query_language.parse(query.query_string, groups)
    if isinstance(query, Phrase):
        return query_language.parse(f'"{query.query_string}"', groups)
    if isinstance(query, MatchAll):
        return query_language.ParsedQuery()
    if isinstance(query, Not):
        inner = _parse(query.subquery, groups)
        result = query_language.ParsedQuery()
        result.excluded = [slot.words for slot in inner.slots]
        return result
    if isinstance(query, And | Or):
        result = query_language.ParsedQuery()
        for sub in query.subqueries:
            part = _parse(sub, groups)
            result.slots += part.slots
            result.excluded += part.excluded
        return result
    return query_language.parse(str(query), groups)


class VietnameseAutocompleteCompiler(VietnameseQueryCompiler):
    prefix = True


class VietnameseSearchResults(BaseSearchResults):
    supports_facet = False

    def _do_search(self):
        compiler = self.query_compiler
        if not compiler.order_by_relevance:
            queryset = compiler.matching_queryset()
            if not queryset.query.order_by:
                queryset = queryset.order_by("-pk")
            return list(queryset[self.start : self.stop])
        ranked = compiler.ranked()
        pks = ranked.pks[self.start : self.stop]
        objects = compiler.queryset.in_bulk(pks)
        results = []
        for pk in pks:
            obj = objects.get(pk)
            if obj is None:
                continue
            if self._score_field:
                setattr(obj, self._score_field, ranked.scores[pk])
            results.append(obj)
        return results

    def _do_count(self):
        ranked = self.query_compiler.ranked()
        return max(0, min(len(ranked.pks), (self.stop or len(ranked.pks))) - self.start)

    @property
    def capped(self):
        """Whether more documents matched than were ranked (the count is a lower bound)."""
        return self.query_compiler.ranked().capped

    @property
    def parsed(self):
        return self.query_compiler.parsed

    @property
    def corrections(self):
        return self.query_compiler.ranked().corrections


class VietnameseSearchBackend(BaseSearchBackend):
    query_compiler_class = VietnameseQueryCompiler
    autocomplete_query_compiler_class = VietnameseAutocompleteCompiler
    index_class = VietnameseIndex
    results_class = VietnameseSearchResults
    rebuilder_class = Rebuilder

    def search(
        self, query, model_or_queryset, *, within=None, date_from=None, date_to=None, **options
    ):
        """Wagtail's ``search()``, plus ``within`` (a page whose subtree to search)
        and ``date_from``/``date_to``, which narrow the index itself."""
        return self._search(
            self.query_compiler_class,
            query,
            model_or_queryset,
            within=within,
            date_from=date_from,
            date_to=date_to,
            **options,
        )


SearchBackend = VietnameseSearchBackend
