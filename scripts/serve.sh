#!/usr/bin/env bash
# Set up the database, then serve the portal with its task worker and scheduler until one stops.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
HOST=${HOST:-127.0.0.1}
PORT=${PORT:-8000}

$PY manage.py prepare_portal

pids=()
stop() {
  kill "${pids[@]}" 2>/dev/null || true
  wait 2>/dev/null || true
}
trap stop EXIT INT TERM

# Background work (Wagtail's search and reference indexes, scheduled publishing) runs in
# this worker; the scheduler queues a scheduled-publishing run every minute.
$PY manage.py db_worker --no-reload --verbosity 0 &
pids+=($!)
$PY manage.py run_scheduler &
pids+=($!)

echo "Bản Tin đang chạy: http://$HOST:$PORT/  (quản trị: http://$HOST:$PORT/admin/)"
if [ "${DEBUG:-0}" = "1" ]; then
  $PY manage.py runserver "$HOST:$PORT" &
else
  .venv/bin/gunicorn bantin.wsgi --bind "$HOST:$PORT" --workers "${WEB_WORKERS:-2}" \
    --access-logfile - --error-logfile - --log-level warning &
fi
pids+=($!)

# Whichever stops first (or Ctrl+C) stops the other.
wait -n
