#!/usr/bin/env bash
# Reliability drill (docs/reliability.md): crash consistency. Runs the packaged application
# against a standalone PostgreSQL under a mixed read/write load (API and browser), kills it
# with SIGKILL at random moments (KILLS times, default 3), restarts it on the same database and
# keeps the load going until LOAD_SECONDS (default 60) of load have run against a live
# application. Then checks, with SQL: every response that showed content has its PERMIT
# disclosure rows (same request id, item and reader); every acknowledged write (201, or 200 for
# a status change) is present with an Envers revision of that very request; every audit row
# points at a revision, every revision records a change, every live row has its ADD revision;
# and the sealed disclosure log verifies (the sealer runs every 5 s during the drill). Prints the figures and PASS or FAIL (exit status 1).
#   .ci/crash-drill.sh                 SEED=7 KILLS=5 LOAD_SECONDS=90 .ci/crash-drill.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source .ci/drills/lib.sh

SEED="${SEED:-$(date +%s)}"
KILLS="${KILLS:-3}"
LOAD_SECONDS="${LOAD_SECONDS:-60}"
THREADS="${THREADS:-4}"
RANDOM="$SEED"
drill_started=$(now_ms)

say "crash drill: seed $SEED, $KILLS kills, $LOAD_SECONDS s of load, $THREADS API clients + 1 browser"
drill_prepare
pg_init
say "PostgreSQL 17 on port $DRILL_PG_PORT, data in $DRILL_WORK/pg/data"

app_start
say "application ready after $(app_wait_ready) s (first start: migrations, demo data)"
load_start "$THREADS" "$SEED"
say "load running"

loaded_ms=0
starts=()
for kill in $(seq 1 "$KILLS"); do
  # a random moment 4-15 s into this life of the application, with the load on it
  wait_ms=$(( 4000 + RANDOM % 11000 ))
  sleep "$(( wait_ms / 1000 )).$(printf '%03d' $(( wait_ms % 1000 )))"
  loaded_ms=$(( loaded_ms + wait_ms ))
  app_kill9
  say "kill -9 #$kill after $(( wait_ms / 1000 )).$(( wait_ms % 1000 / 100 )) s of load"
  app_start
  ready="$(app_wait_ready)"
  starts+=("$ready")
  say "restarted, ready after $ready s"
done
rest_ms=$(( LOAD_SECONDS * 1000 - loaded_ms ))
(( rest_ms < 10000 )) && rest_ms=10000
sleep "$(( rest_ms / 1000 )).$(printf '%03d' $(( rest_ms % 1000 )))"
loaded_ms=$(( loaded_ms + rest_ms ))
load_stop
say "load stopped after $(( loaded_ms / 1000 )) s against a live application"

verdict=PASS
say "verifying the sealed disclosure log through the auditor's API (the sealer ran every 5 s throughout)"
drill_java verify-log "http://localhost:$DRILL_APP_PORT" || verdict=FAIL
app_stop
say "checking the database"
drill_java check "jdbc:postgresql://localhost:$DRILL_PG_PORT/schakel" "$DRILL_WORK/journal.txt" || verdict=FAIL
if grep -q -E "ERROR|Exception" "$DRILL_WORK/app.log" 2> /dev/null; then
  echo "errors in the application log (first lines):"
  grep -E "ERROR" "$DRILL_WORK/app.log" | head -5
fi

seconds=$(( ($(now_ms) - drill_started) / 1000 ))
echo "== crash drill: $KILLS kills (restarts ready after ${starts[*]} s), $(( loaded_ms / 1000 )) s of load," \
  "seed $SEED, $seconds s in all: $verdict"
[[ "$verdict" == PASS ]]
