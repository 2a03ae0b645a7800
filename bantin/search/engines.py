"""Matching in the database: which documents contain a query's words.

Both engines answer the same question the same way: the keys of the newest
documents (highest keys) matching every slot, none of the exclusions, and all
scope words, within a key range. Words arrive already analysed (folded), so the
databases only split on spaces.
"""

import datetime
import itertools
import json

from django.db import connection
from django.db.models.expressions import RawSQL

TABLE = "search_searchdocument"
FTS_TABLE = "search_fts"


def engine():
    return PostgresEngine() if connection.vendor == "postgresql" else SQLiteEngine()


def relaxations(slots, frequencies):
    """Looser ways to match a query of three or more words that finds too little,
    loosest last: all words but one, then half of its rarest six words."""
    if len(slots) < 3:
        return
    by_rarity = sorted(slots, key=lambda slot: _rarity(slot, frequencies))
    if len(slots) <= 6:
        yield "relaxed", [slots[:index] + slots[index + 1 :] for index in range(len(slots))]
    else:
        yield "relaxed", [by_rarity[:-1]]
    rarest = by_rarity[:6]
    size = max(2, -(-len(rarest) // 2))
    if size < len(slots) - 1:
        yield "loose", [list(group) for group in itertools.combinations(rarest, size)]


def _rarity(slot, frequencies):
    return min(frequencies.get(word.folded, 0) for word in slot.words)


class _Rows:
    COLUMNS = "key, object_id, date, title, lead, exact"

    def rows(self, keys, with_body):
        """Stored rows ``(key, object_id, date, title, lead, exact, body-or-None)`` of ``keys``."""
        if not keys:
            return []
        body = ", body" if with_body else ", NULL"
        sql, params = self._list_sql(sorted(keys))
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT {self.COLUMNS}{body} FROM {TABLE} WHERE key IN ({sql})", params)
            rows = cursor.fetchall()
        if rows and isinstance(rows[0][2], str):  # SQLite returns dates as text
            rows = [(*row[:2], datetime.date.fromisoformat(row[2]), *row[3:]) for row in rows]
        return rows

    def id_list(self, values):
        """A subquery listing ``values``: one parameter however many values there are."""
        sql, params = self._list_sql(values)
        return RawSQL(sql, params)


class SQLiteEngine(_Rows):
    def _list_sql(self, values):
        return "SELECT value FROM json_each(%s)", [json.dumps(list(values))]

    def _sequence(self, seq, prefix=False):
        phrase = '"' + " ".join(word.folded.replace('"', "") for word in seq) + '"'
        return phrase + " *" if prefix else phrase

    def _slot(self, slot, prefix=False):
        return "(" + " OR ".join(self._sequence(seq, prefix) for seq in slot.alternatives) + ")"

    def _match(self, groups, excluded, scope, columns, prefix=False):
        columns = "{title}" if columns == "title" else "{title lead body}"
        alternatives = []
        for slots in groups:
            parts = [
                self._slot(slot, prefix and index == len(slots) - 1)
                for index, slot in enumerate(slots)
            ]
            alternatives.append("(" + " AND ".join(parts) + ")")
        expression = f"{columns} : ({' OR '.join(alternatives)})"
        if excluded:
            negative = " OR ".join(self._sequence(seq) for seq in excluded)
            expression = f"({expression} NOT {{title lead body}} : ({negative}))"
        for word in scope:
            expression += f' AND scope : "{word}"'
        return expression

    def _run(self, match, keys, limit):
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s "
                "AND rowid BETWEEN %s AND %s ORDER BY rowid DESC LIMIT %s",
                [match, keys[0], keys[1], limit],
            )
            return [row[0] for row in cursor.fetchall()]

    def keys(self, slots, excluded, scope, keys, limit, columns=None, prefix=False):
        return self._run(self._match([slots], excluded, scope, columns, prefix), keys, limit)

    def keys_any(self, groups, excluded, scope, keys, limit):
        """Keys of documents matching all slots of at least one of ``groups``."""
        return self._run(self._match(groups, excluded, scope, None), keys, limit)


class PostgresEngine(_Rows):
    def _list_sql(self, values):
        values = list(values)
        if all(isinstance(value, int) for value in values):
            return "SELECT unnest(%s::bigint[])", [values]
        return "SELECT unnest(%s::text[])", [[str(value) for value in values]]

    def _sequence(self, seq, weight="", prefix=False):
        lexemes = [f"'{word.folded}'" for word in seq]
        marks = ("*" if prefix else "") + weight
        if marks:
            lexemes[-1] += ":" + marks
            lexemes[:-1] = [lexeme + (":" + weight if weight else "") for lexeme in lexemes[:-1]]
        return "(" + " <-> ".join(lexemes) + ")"

    def _slot(self, slot, weight="", prefix=False):
        return (
            "(" + " | ".join(self._sequence(seq, weight, prefix) for seq in slot.alternatives) + ")"
        )

    def _tsquery(self, groups, excluded, columns, prefix=False):
        weight = "A" if columns == "title" else ""
        alternatives = []
        for slots in groups:
            parts = [
                self._slot(slot, weight, prefix and index == len(slots) - 1)
                for index, slot in enumerate(slots)
            ]
            alternatives.append("(" + " & ".join(parts) + ")")
        expression = "(" + " | ".join(alternatives) + ")"
        if excluded:
            expression += " & !(" + " | ".join(self._sequence(seq) for seq in excluded) + ")"
        return expression

    def _run(self, tsquery, scope, keys, limit):
        sql = f"SELECT key FROM {TABLE} WHERE vector @@ to_tsquery('simple', %s) "
        params = [tsquery]
        if scope:
            sql += "AND scope_vector @@ to_tsquery('simple', %s) "
            params.append(" & ".join(f"'{word}'" for word in scope))
        sql += "AND key BETWEEN %s AND %s ORDER BY key DESC LIMIT %s"
        with connection.cursor() as cursor:
            cursor.execute(sql, [*params, keys[0], keys[1], limit])
            return [row[0] for row in cursor.fetchall()]

    def keys(self, slots, excluded, scope, keys, limit, columns=None, prefix=False):
        return self._run(self._tsquery([slots], excluded, columns, prefix), scope, keys, limit)

    def keys_any(self, groups, excluded, scope, keys, limit):
        """Keys of documents matching all slots of at least one of ``groups``."""
        return self._run(self._tsquery(groups, excluded, None), scope, keys, limit)
