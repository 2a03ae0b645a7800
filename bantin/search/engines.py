"""Matching in the database: which documents contain a query's words.

Both engines answer the same questions the same way: the keys of the newest
documents (highest keys) matching a query, within a key range. Words arrive
already analysed (folded), so the databases only split on spaces.

A query is a list of *groups*, any of which may match; a group is a list of
slots, all of which must match; a slot matches when any of its alternatives
(a word, or words in a row) does.
"""

import datetime
import itertools
import json
import math

from django.db import connection
from django.db.models.expressions import RawSQL
from django.utils import timezone

TABLE = "search_searchdocument"
# PostgreSQL only: each document's vector again, stored inline for walking.
WALK_TABLE = "search_walk_vector"
# Keys pack the date (days since year 1) above the object's identity.
DAY = 10**12


def engine():
    return PostgresEngine() if connection.vendor == "postgresql" else SQLiteEngine()


def statistics_refresh():
    """After a bulk load on PostgreSQL, bring the planner's statistics of the search
    tables up to date (seconds per 100,000 documents).

    Until then (autovacuum gets there in its own time, or never where it is off) the
    planner takes a word in nearly every document for a rare one and sorts all its
    matches instead of walking the newest: about 300 ms a search at 100,000 documents
    instead of 15.
    """
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {TABLE}, {WALK_TABLE}, search_searchterm")


def relaxations(slots, frequencies):
    """Looser ways to match a query of three or more words that finds too little,
    loosest last: all words but one, then half of its rarest six words."""
    if len(slots) < 3:
        return
    by_rarity = sorted(slots, key=lambda slot: rarity(slot, frequencies))
    if len(slots) <= 6:
        yield "relaxed", [slots[:index] + slots[index + 1 :] for index in range(len(slots))]
    else:
        yield "relaxed", [by_rarity[:-1]]
    rarest = by_rarity[:6]
    size = max(2, -(-len(rarest) // 2))
    if size < len(slots) - 1:
        yield "loose", [list(group) for group in itertools.combinations(rarest, size)]


def estimate(groups, scope, frequencies):
    """Expected number of documents matching ``groups`` within ``scope``: enough
    to tell a handful from thousands.

    The words of a query are seldom independent (a place name, a set phrase), so
    the estimate lies halfway, on a log scale, between independent words and
    the rarest word alone.
    """
    total = max(frequencies.get("", 0), 1)
    expected = 0.0
    for slots in groups:
        sizes = [
            max(min(frequencies.get(word.folded, 0) for word in seq) for seq in slot.alternatives)
            for slot in slots
        ]
        within = 1.0
        for word in scope:
            within *= frequencies.get(word, total) / total
        independent = within * total
        for size in sizes:
            independent *= size / total
        together = within * min(sizes, default=total)
        expected += math.sqrt(independent * together)
    return min(expected, total)


def rarity(slot, frequencies):
    """How many documents hold the slot's rarest word (for its first spelling)."""
    return min(frequencies.get(word.folded, 0) for word in slot.words)


class _Engine:
    def __init__(self):
        # Rows without body already read along with their keys.
        self._rows = {}

    def newest(self, request, title_request, above):
        """``keys(**request)``; and ``keys(**title_request)`` when there is one and
        the first found more than ``above`` (else ``None``)."""
        found = self.keys(**request)
        if title_request is None or len(found) <= above:
            return found, None
        return found, self.keys(**title_request)

    def rows(self, keys, with_body):
        """Stored rows ``(key, content_type_id, object_id, date, title, lead, body-or-None)``."""
        known = [] if with_body else [self._rows[key] for key in keys if key in self._rows]
        keys = set(keys) - {row[0] for row in known}
        if not keys:
            return known
        body = "body" if with_body else "NULL"
        sql, params = self._list_sql(sorted(keys))
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT key, content_type_id, object_id, date, title, lead, {body} "
                f"FROM {TABLE} WHERE key IN ({sql})",
                params,
            )
            rows = cursor.fetchall()
        if rows and isinstance(rows[0][3], str):  # SQLite hands dates back as text
            rows = [(*row[:3], datetime.date.fromisoformat(row[3]), *row[4:]) for row in rows]
        return known + rows

    def exact_words(self, keys):
        """``{key: " exact words "}``: the diacritic forms each document holds."""
        if not keys:
            return {}
        sql, params = self._list_sql(sorted(keys))
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT key, exact FROM {TABLE} WHERE key IN ({sql})", params)
            return {key: f" {exact} " for key, exact in cursor.fetchall()}

    def id_list(self, values):
        """A subquery listing ``values``: one parameter however many values there are."""
        sql, params = self._list_sql(values)
        return RawSQL(sql, params)

    def _fetch(self, sql, params):
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return [row[0] for row in cursor.fetchall()]


class SQLiteEngine(_Engine):
    def _list_sql(self, values):
        return "SELECT value FROM json_each(%s)", [json.dumps(list(values))]

    def _sequence(self, seq, prefix=False):
        phrase = '"' + " ".join(word.folded for word in seq) + '"'
        return phrase + " *" if prefix else phrase

    def _groups(self, groups, prefix):
        alternatives = []
        for slots in groups:
            parts = []
            for index, slot in enumerate(slots):
                last = prefix and index == len(slots) - 1
                parts.append(
                    "(" + " OR ".join(self._sequence(s, last) for s in slot.alternatives) + ")"
                )
            alternatives.append("(" + " AND ".join(parts) + ")")
        return "(" + " OR ".join(alternatives) + ")"

    def _match(self, groups, excluded, scope, columns, prefix=False):
        expression = f"{columns} : {self._groups(groups, prefix)}"
        if excluded:
            negative = " OR ".join(self._sequence(seq) for seq in excluded)
            expression = f"({expression} NOT {columns} : ({negative}))"
        for word in scope:
            expression += f' AND scope : "{word}"'
        return expression

    def keys(
        self,
        groups,
        excluded,
        scope,
        keys,
        limit,
        title_only=False,
        prefix=False,
        estimate=None,
        frequencies=None,
    ):
        """Newest keys matching; ``title_only`` looks at titles alone and leaves
        ``excluded`` to ``among``. ``estimate``, ``(expected matches, documents)``,
        and the words' document ``frequencies`` are for engines that must choose
        how to look."""
        if title_only:
            table, match = "search_title_fts", self._match(groups, [], scope, "title", prefix)
        else:
            table, match = (
                "search_fts",
                self._match(groups, excluded, scope, "{title lead body}", prefix),
            )
        return self._fetch(
            f"SELECT rowid FROM {table} WHERE {table} MATCH %s "
            "AND rowid BETWEEN %s AND %s ORDER BY rowid DESC LIMIT %s",
            [match, keys[0], keys[1], limit],
        )

    def among(self, candidates, groups, excluded, scope):
        """Those of ``candidates`` that match."""
        if not candidates:
            return []
        # FTS5 reads a key range far faster than a list of keys.
        wanted = set(candidates)
        found = self.keys(groups, excluded, scope, (min(wanted), max(wanted)), -1)
        return [key for key in found if key in wanted]


class PostgresEngine(_Engine):
    def _list_sql(self, values):
        values = list(values)
        if all(isinstance(value, int) for value in values):
            return "SELECT unnest(%s::bigint[])", [values]
        return "SELECT unnest(%s::text[])", [[str(value) for value in values]]

    def _sequence(self, seq, prefix=False):
        lexemes = [f"'{word.folded}'" for word in seq]
        if prefix:
            lexemes[-1] += ":*"
        return "(" + " <-> ".join(lexemes) + ")"

    def _tsquery(self, groups, excluded, prefix=False):
        alternatives = []
        for slots in groups:
            parts = []
            for index, slot in enumerate(slots):
                last = prefix and index == len(slots) - 1
                parts.append(
                    "(" + " | ".join(self._sequence(s, last) for s in slot.alternatives) + ")"
                )
            alternatives.append("(" + " & ".join(parts) + ")")
        expression = "(" + " | ".join(alternatives) + ")"
        if excluded:
            expression += " & !(" + " | ".join(self._sequence(seq) for seq in excluded) + ")"
        return expression

    def _where(self, groups, excluded, scope, column="vector", prefix=False):
        sql = f"{column} @@ to_tsquery('simple', %s)"
        params = [self._tsquery(groups, excluded, prefix)]
        if scope:
            sql += " AND scope_vector @@ to_tsquery('simple', %s)"
            params.append(" & ".join(f"'{word}'" for word in scope))
        return sql, params

    # How to find the newest matches depends on how many there are, which the
    # word counts tell roughly (PostgreSQL's own guess misjudges combinations of
    # common words, walks the keys from the newest down and then reads most of
    # the table): few (under SPARSE) are collected through the GIN index and the
    # newest kept; many are found by that walk, which then stops early.
    SPARSE = 4000

    def keys(self, *args, **kwargs):
        sql, params = self._keys_sql(*args, **kwargs)
        return sorted(self._fetch(sql, params), reverse=True)

    def newest(self, request, title_request, above):
        """Both lists in one statement (the titles are cheap to look for, cheaper
        than a second round trip), with the rows of the documents found."""
        if title_request is None:
            return self.keys(**request), None
        parts = [self._keys_sql(**request), self._keys_sql(**title_request)]
        found = {0: [], 1: []}
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT found.part, d.key, d.content_type_id, d.object_id, d.date, d.title, "
                f"d.lead, NULL FROM (SELECT 0 AS part, key FROM ({parts[0][0]}) tier "
                f"UNION ALL SELECT 1, key FROM ({parts[1][0]}) title_tier) found "
                f"JOIN {TABLE} d ON d.key = found.key",
                [*parts[0][1], *parts[1][1]],
            )
            for part, *row in cursor.fetchall():
                found[part].append(row[0])
                self._rows[row[0]] = tuple(row)
        keys = sorted(found[0], reverse=True)
        return keys, sorted(found[1], reverse=True) if len(keys) > above else None

    def _keys_sql(
        self,
        groups,
        excluded,
        scope,
        keys,
        limit,
        title_only=False,
        prefix=False,
        estimate=None,
        frequencies=None,
    ):
        """The statement listing the newest matching keys (in no set order)."""
        if title_only:
            where, params = self._where(groups, [], scope, "title_vector", prefix)
        else:
            where, params = self._where(groups, excluded, scope, prefix=prefix)
        if estimate is not None and (
            estimate[0] < self.SPARSE or (not title_only and _dated(groups, keys))
        ):
            if frequencies and not title_only and not prefix:
                narrow = [_narrowest(slots, scope, frequencies) for slots in groups]
                if any(len(part) < len(slots) for part, slots in zip(narrow, groups, strict=True)):
                    return self._collect_narrowed(narrow, scope, where, params, keys, limit)
            return self._collect(where, params, keys, limit)
        # The walk reads the inline copy of the vectors (see migration 0005)
        # unless it needs the document table's other columns.
        table = TABLE if title_only or scope else WALK_TABLE
        return (
            f"SELECT key FROM {table} WHERE {where} AND key BETWEEN %s AND %s "
            "ORDER BY key DESC LIMIT %s",
            [*params, keys[0], keys[1], limit],
        )

    def _collect(self, where, params, keys, limit):
        return (
            f"WITH found AS MATERIALIZED (SELECT key FROM {TABLE} WHERE {where} "
            "AND key BETWEEN %s AND %s) SELECT key FROM found ORDER BY key DESC LIMIT %s",
            [*params, keys[0], keys[1], limit],
        )

    def _collect_narrowed(self, narrow, scope, where, params, keys, limit):
        """Collect through the index by the ``narrow`` slots only, then check the
        whole query on those documents, newest first, until ``limit`` match."""
        narrow_where, narrow_params = self._where(narrow, [], scope)
        # OFFSET 0 keeps the check above the ordering, so that it stops at the limit.
        return (
            f"WITH found AS MATERIALIZED (SELECT key, vector, scope_vector FROM {TABLE} "
            f"WHERE {narrow_where} AND key BETWEEN %s AND %s) "
            "SELECT key FROM (SELECT key, vector, scope_vector FROM found "
            f"ORDER BY key DESC OFFSET 0) newest WHERE {where} LIMIT %s",
            [*narrow_params, keys[0], keys[1], *params, limit],
        )

    def among(self, candidates, groups, excluded, scope):
        if not candidates:
            return []
        where, params = self._where(groups, excluded, scope)
        return self._fetch(
            f"SELECT key FROM {TABLE} WHERE key = ANY(%s) AND {where}",
            [sorted(candidates), *params],
        )


# Reading one document's vector (stored out of line) takes about as long as
# reading this many entries of the index's posting lists; fetching the key of a
# document the index has matched outright, about this many.
CHECK_COST = 700
FETCH_COST = 200


def _narrowest(slots, scope, frequencies):
    """The rarest of ``slots`` that are worth asking the index for.

    The index reads every entry of each word's posting list, so a word in most
    documents costs much and narrows little; past some point checking the few
    documents the rarer slots leave is cheaper than reading it. Estimates take
    the words as independent, as ``estimate`` does.
    """
    total = max(frequencies.get("", 0), 1)
    share = 1.0
    for word in scope:
        share *= frequencies.get(word, total) / total

    def size(slot):
        return max(
            min(frequencies.get(word.folded, 0) for word in seq) for seq in slot.alternatives
        )

    def reading(slot):
        return sum(frequencies.get(word.folded, 0) for seq in slot.alternatives for word in seq)

    ordered = sorted(slots, key=size)
    phrase = any(len(seq) > 1 for slot in slots for seq in slot.alternatives)
    best, best_cost, read = slots, None, 0
    for count, slot in enumerate(ordered, start=1):
        share *= size(slot) / total
        read += reading(slot)
        checked = CHECK_COST if phrase or count < len(ordered) else FETCH_COST
        cost = read + share * total * checked
        if best_cost is None or cost < best_cost:
            best, best_cost = ordered[:count], cost
    return best if len(best) < len(slots) else slots


def _dated(groups, keys):
    """Whether every group asks for a past year (every document's text holds its
    own year): most matches are then dated that year, and walking from the
    newest down would first read every later document."""
    today = timezone.localdate()
    for slots in groups:
        years = [
            int(seq[0].folded)
            for slot in slots
            for seq in slot.alternatives
            if len(slot.alternatives) == 1
            and len(seq) == 1
            and len(seq[0].folded) == 4
            and seq[0].folded.isdigit()
        ]
        if not any(
            1900 < year < today.year and keys[1] >= datetime.date(year + 1, 1, 1).toordinal() * DAY
            for year in years
        ):
            return False
    return bool(groups)
