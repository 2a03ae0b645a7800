from django.db import migrations

# Titles get an index of their own: asking the full index for "every word in the
# title" reads the whole (huge) posting list of common words.
SQLITE = [
    """CREATE VIRTUAL TABLE search_title_fts USING fts5(
        title, scope, content='search_searchdocument', content_rowid='key',
        tokenize='unicode61 remove_diacritics 0')""",
    "INSERT INTO search_title_fts(search_title_fts) VALUES ('rebuild')",
    """CREATE TRIGGER search_document_title_added AFTER INSERT ON search_searchdocument BEGIN
        INSERT INTO search_title_fts(rowid, title, scope) VALUES (new.key, new.title, new.scope);
    END""",
    """CREATE TRIGGER search_document_title_removed AFTER DELETE ON search_searchdocument BEGIN
        INSERT INTO search_title_fts(search_title_fts, rowid, title, scope)
        VALUES ('delete', old.key, old.title, old.scope);
    END""",
    """CREATE TRIGGER search_document_title_changed AFTER UPDATE ON search_searchdocument BEGIN
        INSERT INTO search_title_fts(search_title_fts, rowid, title, scope)
        VALUES ('delete', old.key, old.title, old.scope);
        INSERT INTO search_title_fts(rowid, title, scope) VALUES (new.key, new.title, new.scope);
    END""",
]
SQLITE_REVERSE = [
    "DROP TRIGGER IF EXISTS search_document_title_added",
    "DROP TRIGGER IF EXISTS search_document_title_removed",
    "DROP TRIGGER IF EXISTS search_document_title_changed",
    "DROP TABLE IF EXISTS search_title_fts",
]
POSTGRES = [
    """ALTER TABLE search_searchdocument ADD COLUMN title_vector tsvector
        GENERATED ALWAYS AS (to_tsvector('simple', title)) STORED""",
    "CREATE INDEX search_document_title ON search_searchdocument USING gin (title_vector)",
]
POSTGRES_REVERSE = ["ALTER TABLE search_searchdocument DROP COLUMN IF EXISTS title_vector"]


def _run(statements):
    def run(apps, schema_editor):
        for sql in statements.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0003_default_synonyms")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE, "postgresql": POSTGRES}),
            _run({"sqlite": SQLITE_REVERSE, "postgresql": POSTGRES_REVERSE}),
        )
    ]
