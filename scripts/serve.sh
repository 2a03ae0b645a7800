#!/usr/bin/env bash
# Set up the database and serve the portal with its task worker; Ctrl+C stops both.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
HOST=${HOST:-127.0.0.1}
PORT=${PORT:-8000}

$PY manage.py migrate --noinput --verbosity 0
$PY manage.py load_demo
$PY manage.py ensure_admin

# Wagtail's background work (search and reference indexes) runs in this worker.
$PY manage.py db_worker --no-reload --verbosity 0 &
worker=$!
trap 'kill "$worker" 2>/dev/null || true; wait "$worker" 2>/dev/null || true' EXIT INT TERM

echo "Bản Tin đang chạy: http://$HOST:$PORT/  (quản trị: http://$HOST:$PORT/admin/)"
if [ "${DEBUG:-0}" = "1" ]; then
  $PY manage.py runserver "$HOST:$PORT"
else
  .venv/bin/gunicorn bantin.wsgi --bind "$HOST:$PORT" --workers "${WEB_WORKERS:-2}" \
    --access-logfile - --error-logfile - --log-level warning
fi
