from django.db import migrations

SQLITE = [
    """CREATE VIRTUAL TABLE search_fts USING fts5(
        title, lead, body, scope,
        content='search_searchdocument', content_rowid='key',
        tokenize='unicode61 remove_diacritics 0')""",
    """CREATE TRIGGER search_document_added AFTER INSERT ON search_searchdocument BEGIN
        INSERT INTO search_fts(rowid, title, lead, body, scope)
        VALUES (new.key, new.title, new.lead, new.body, new.scope);
    END""",
    """CREATE TRIGGER search_document_removed AFTER DELETE ON search_searchdocument BEGIN
        INSERT INTO search_fts(search_fts, rowid, title, lead, body, scope)
        VALUES ('delete', old.key, old.title, old.lead, old.body, old.scope);
    END""",
    """CREATE TRIGGER search_document_changed AFTER UPDATE ON search_searchdocument BEGIN
        INSERT INTO search_fts(search_fts, rowid, title, lead, body, scope)
        VALUES ('delete', old.key, old.title, old.lead, old.body, old.scope);
        INSERT INTO search_fts(rowid, title, lead, body, scope)
        VALUES (new.key, new.title, new.lead, new.body, new.scope);
    END""",
]
SQLITE_REVERSE = [
    "DROP TRIGGER IF EXISTS search_document_added",
    "DROP TRIGGER IF EXISTS search_document_removed",
    "DROP TRIGGER IF EXISTS search_document_changed",
    "DROP TABLE IF EXISTS search_fts",
]
POSTGRES = [
    """ALTER TABLE search_searchdocument ADD COLUMN vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple', title), 'A')
        || setweight(to_tsvector('simple', lead), 'B')
        || setweight(to_tsvector('simple', body), 'D')) STORED""",
    """ALTER TABLE search_searchdocument ADD COLUMN scope_vector tsvector
        GENERATED ALWAYS AS (to_tsvector('simple', scope)) STORED""",
    "CREATE INDEX search_document_vector ON search_searchdocument USING gin (vector)",
    "CREATE INDEX search_document_scope ON search_searchdocument USING gin (scope_vector)",
]
POSTGRES_REVERSE = [
    "ALTER TABLE search_searchdocument DROP COLUMN IF EXISTS vector",
    "ALTER TABLE search_searchdocument DROP COLUMN IF EXISTS scope_vector",
]


def _run(statements):
    def run(apps, schema_editor):
        vendor = schema_editor.connection.vendor
        for sql in statements.get(vendor, []):
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE, "postgresql": POSTGRES}),
            _run({"sqlite": SQLITE_REVERSE, "postgresql": POSTGRES_REVERSE}),
        )
    ]
