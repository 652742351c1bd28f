#!/usr/bin/env bash
# Reliability drill (docs/reliability.md): database outage. Runs the packaged application
# against a standalone PostgreSQL under a mixed read/write load (API and browser), stops
# PostgreSQL (`pg_ctl stop -m immediate`, as if it crashed) for OUTAGE_SECONDS (default 10) and
# starts it again. Passes when: every request that met the outage failed fast with 503 (a
# problem detail with Retry-After for the API, the readable error page for the browser), none
# took longer than MAX_LATENCY_MS (default 6000: Hikari's 3 s connection timeout plus a margin for
# a busy 2-core machine), none answered 500 or was cut off; the application served requests again
# within RECOVERY_LIMIT_MS (default 5000) of the database accepting connections, by itself; and
# nothing acknowledged is lost (the crash drill's database check).
#   .ci/outage-drill.sh                OUTAGE_SECONDS=20 .ci/outage-drill.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source .ci/drills/lib.sh

SEED="${SEED:-$(date +%s)}"
OUTAGE_SECONDS="${OUTAGE_SECONDS:-10}"
BEFORE_SECONDS="${BEFORE_SECONDS:-10}"
AFTER_SECONDS="${AFTER_SECONDS:-15}"
THREADS="${THREADS:-4}"
MAX_LATENCY_MS="${MAX_LATENCY_MS:-6000}"
RECOVERY_LIMIT_MS="${RECOVERY_LIMIT_MS:-5000}"
drill_started=$(now_ms)

say "outage drill: seed $SEED, PostgreSQL down for $OUTAGE_SECONDS s, $THREADS API clients + 1 browser"
drill_prepare
pg_init
app_start
say "application ready after $(app_wait_ready) s"
load_start "$THREADS" "$SEED"
say "load running"
sleep "$BEFORE_SECONDS"

down=$(now_ms)
pg_stop_immediate
say "PostgreSQL stopped (immediate)"
sleep "$OUTAGE_SECONDS"
restart=$(now_ms)
pg_start
up=$(now_ms)
say "PostgreSQL accepts connections again: stopped $(( (restart - down) / 1000 )) s, then" \
  "$(( (up - restart) / 100 ))00 ms to start (crash recovery)"
sleep "$AFTER_SECONDS"
load_stop
say "load stopped"

verdict=PASS
drill_java outage-report "$DRILL_WORK/journal.txt" "$down" "$up" "$MAX_LATENCY_MS" "$RECOVERY_LIMIT_MS" \
  || verdict=FAIL
if ! kill -0 "$APP_PID" 2> /dev/null; then
  echo "  FAIL the application did not survive the outage"
  verdict=FAIL
fi
if ! health_up; then
  echo "  FAIL /actuator/health is not UP after the outage"
  verdict=FAIL
fi
app_stop
say "checking the database"
drill_java check "jdbc:postgresql://localhost:$DRILL_PG_PORT/schakel" "$DRILL_WORK/journal.txt" || verdict=FAIL
if grep -q " ERROR " "$DRILL_WORK/app.log" 2> /dev/null; then
  echo "errors in the application log (first lines):"
  grep " ERROR " "$DRILL_WORK/app.log" | head -5
fi

seconds=$(( ($(now_ms) - drill_started) / 1000 ))
echo "== outage drill: PostgreSQL stopped $(( (restart - down) / 1000 )) s (down $(( (up - down) / 1000 )) s with its" \
  "restart), seed $SEED, $seconds s in all: $verdict"
[[ "$verdict" == PASS ]]
