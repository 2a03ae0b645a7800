from tests.publishing.conftest import staff  # noqa: F401  (shared fixture: one user per role)
