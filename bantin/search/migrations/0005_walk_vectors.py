from django.db import migrations

# Finding the newest matches of common words walks the documents from the newest
# down and checks each one's vector. In the document table a vector is stored
# out of line (TOAST), and reading it back costs four or five page reads; here
# each vector stays inline, one page per document, and the walk reads that page
# alone. The document table keeps its own vector and index for collecting rare
# matches, which reads many rows and wants them narrow. A trigger keeps the copy.
POSTGRES = [
    "CREATE TABLE search_walk_vector (key bigint PRIMARY KEY, vector tsvector NOT NULL)",
    "ALTER TABLE search_walk_vector ALTER COLUMN vector SET STORAGE MAIN",
    "INSERT INTO search_walk_vector (key, vector) SELECT key, vector FROM search_searchdocument",
    """CREATE FUNCTION search_walk_vector_sync() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP <> 'INSERT' THEN
            DELETE FROM search_walk_vector WHERE key = OLD.key;
        END IF;
        IF TG_OP <> 'DELETE' THEN
            INSERT INTO search_walk_vector (key, vector) VALUES (NEW.key, NEW.vector)
            ON CONFLICT (key) DO UPDATE SET vector = EXCLUDED.vector;
        END IF;
        RETURN NULL;
    END
    $$""",
    """CREATE TRIGGER search_document_walk_vector
        AFTER INSERT OR UPDATE OR DELETE ON search_searchdocument
        FOR EACH ROW EXECUTE FUNCTION search_walk_vector_sync()""",
    """CREATE FUNCTION search_walk_vector_clear() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        TRUNCATE search_walk_vector;
        RETURN NULL;
    END
    $$""",
    """CREATE TRIGGER search_document_walk_vector_cleared
        AFTER TRUNCATE ON search_searchdocument
        FOR EACH STATEMENT EXECUTE FUNCTION search_walk_vector_clear()""",
]
POSTGRES_REVERSE = [
    "DROP TRIGGER IF EXISTS search_document_walk_vector ON search_searchdocument",
    "DROP TRIGGER IF EXISTS search_document_walk_vector_cleared ON search_searchdocument",
    "DROP FUNCTION IF EXISTS search_walk_vector_sync()",
    "DROP FUNCTION IF EXISTS search_walk_vector_clear()",
    "DROP TABLE IF EXISTS search_walk_vector",
]


def _run(statements):
    def run(apps, schema_editor):
        for sql in statements.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0004_title_index")]

    operations = [
        migrations.RunPython(
            _run({"postgresql": POSTGRES}),
            _run({"postgresql": POSTGRES_REVERSE}),
        )
    ]
