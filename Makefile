# Bản Tin — `make run` serves the portal with demo content, `make test` runs the suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

export BANTIN_LOCAL ?= 1

.PHONY: run test test-postgres lint format clean bench

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

# Collect static files again only when a static source changed.
var/static/staticfiles.json: $(STAMP) $(shell find bantin -path '*/static/*' -type f 2>/dev/null)
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0

run: $(STAMP) var/static/staticfiles.json
	HOST=$(HOST) PORT=$(PORT) scripts/serve.sh

test: $(STAMP)
	$(BIN)/python -m pytest

# The same suite against PostgreSQL (DATABASE_URL defaults to the local server).
test-postgres: $(STAMP)
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/bantin} $(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .
	$(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/python manage.py check

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf $(VENV) var/static

# Load benchmark of the public pages (wrk, gunicorn and nginx on loopback); minutes, not
# part of `make test`. DATABASE_URL=postgres://... runs it on PostgreSQL.
bench: $(STAMP)
	$(BIN)/python bench/web.py
