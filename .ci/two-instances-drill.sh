#!/usr/bin/env bash
# Reliability drill (docs/operations.md, "Running more than one instance"): two instances of the
# packaged application on one standalone PostgreSQL, behind nginx (round-robin, no sticky
# sessions). Signs in on one instance and continues the session on the other, runs the mixed
# API and browser load through the proxy, kills one instance (kill -9) under load, and checks:
# no failed request beyond those in flight at the kill, nothing acknowledged lost and no
# disclosure without its log row (the crash drill's database check), one sealed chain that
# verifies. Loopback ports only: 18081/18082 (instances), 18090 (nginx), 18054 (PostgreSQL).
#   .ci/two-instances-drill.sh                 DRILL_KEEP=1 .ci/two-instances-drill.sh
set -euo pipefail
cd "$(dirname "$0")/.."
DRILL_PG_PORT="${DRILL_PG_PORT:-18054}"
DRILL_APP_PORT="${DRILL_APP_PORT:-18081}"
source .ci/drills/lib.sh

SEED="${SEED:-$(date +%s)}"
THREADS="${THREADS:-4}"
PORT_A="${PORT_A:-18081}"
PORT_B="${PORT_B:-18082}"
PROXY_PORT="${PROXY_PORT:-18090}"
BEFORE_SECONDS="${BEFORE_SECONDS:-15}"
AFTER_SECONDS="${AFTER_SECONDS:-15}"
# a request in flight at the kill may fail; one that started this long after it may not
GRACE_MS="${GRACE_MS:-2000}"
PID_A=""
PID_B=""
NGINX_PID=""
drill_started=$(now_ms)

if ! command -v nginx > /dev/null 2>&1; then
  say "installing Debian's nginx"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q nginx < /dev/null
fi
NGINX="$(command -v nginx || echo /usr/sbin/nginx)"

# like lib.sh's app_args, with the port and log file of one instance
instance_args() {
  local port="$1" name="$2"
  # several instances: sessions in PostgreSQL and rate limits shared (one instance keeps both in
  # memory); the profile that does it, next to local's demo accounts and organisations
  DRILL_APP_PORT="$port" app_args | sed "s|--logging.file.name=[^ ]*|--logging.file.name=$DRILL_WORK/app-$name.log|"
  echo "--spring.profiles.active=local,several-instances"
}

instance_start() {
  local port="$1" name="$2"
  (cd "$DRILL_WORK/app" && exec java $(instance_args "$port" "$name") > "$DRILL_WORK/app-$name-console.log" 2>&1) &
  echo $!
}

instance_wait_ready() {
  local port="$1" pid="$2"
  for _ in $(seq 1 600); do
    if DRILL_APP_PORT="$port" health_up; then
      return 0
    fi
    if ! kill -0 "$pid" 2> /dev/null; then
      echo "the instance on $port exited; last lines of its log:" >&2
      tail -30 "$DRILL_WORK"/app-*-console.log >&2
      return 1
    fi
    sleep 0.2
  done
  return 1
}

# (if, not &&: under set -e a function whose last test is false fails, and so would the exit trap)
stop_pid() {
  if [[ -n "$1" ]]; then
    kill "$1" 2> /dev/null || true
    wait "$1" 2> /dev/null || true
  fi
}

two_cleanup() {
  local status=$?
  if [[ -n "$LOAD_PID" ]]; then
    touch "$DRILL_WORK/stop"
    kill "$LOAD_PID" 2> /dev/null || true
  fi
  stop_pid "$NGINX_PID"
  stop_pid "$PID_A"
  stop_pid "$PID_B"
  drill_cleanup || true
  exit "$status"
}

say "two-instances drill: seed $SEED, instances on $PORT_A and $PORT_B behind nginx on $PROXY_PORT"
drill_prepare
trap two_cleanup EXIT
pg_init

# one after the other: the first migrates the database and makes the keysets, the second finds both
PID_A=$(instance_start "$PORT_A" a)
instance_wait_ready "$PORT_A" "$PID_A"
PID_B=$(instance_start "$PORT_B" b)
instance_wait_ready "$PORT_B" "$PID_B"
say "both instances ready"

mkdir -p "$DRILL_WORK/nginx/logs" "$DRILL_WORK/nginx/tmp"
chmod -R 777 "$DRILL_WORK/nginx"
cat > "$DRILL_WORK/nginx/nginx.conf" << CONF
worker_processes 1;
daemon off;
pid $DRILL_WORK/nginx/nginx.pid;
error_log $DRILL_WORK/nginx/logs/error.log warn;
events { worker_connections 256; }
http {
  access_log $DRILL_WORK/nginx/logs/access.log;
  client_body_temp_path $DRILL_WORK/nginx/tmp/body;
  proxy_temp_path $DRILL_WORK/nginx/tmp/proxy;
  fastcgi_temp_path $DRILL_WORK/nginx/tmp/fastcgi;
  uwsgi_temp_path $DRILL_WORK/nginx/tmp/uwsgi;
  scgi_temp_path $DRILL_WORK/nginx/tmp/scgi;
  upstream schakel {
    server 127.0.0.1:$PORT_A max_fails=1 fail_timeout=10s;
    server 127.0.0.1:$PORT_B max_fails=1 fail_timeout=10s;
  }
  server {
    listen 127.0.0.1:$PROXY_PORT;
    location / {
      proxy_pass http://schakel;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_connect_timeout 2s;
      proxy_read_timeout 30s;
      # a request the dead instance never received goes to the other (idempotent ones only)
      proxy_next_upstream error timeout;
    }
  }
}
CONF
"$NGINX" -p "$DRILL_WORK/nginx" -c "$DRILL_WORK/nginx/nginx.conf" > "$DRILL_WORK/nginx/console.log" 2>&1 &
NGINX_PID=$!
for _ in $(seq 1 50); do
  DRILL_APP_PORT="$PROXY_PORT" health_up && break
  sleep 0.2
done
DRILL_APP_PORT="$PROXY_PORT" health_up || { echo "nginx does not answer on $PROXY_PORT" >&2; cat "$DRILL_WORK/nginx/console.log" >&2; exit 1; }

verdict=PASS
say "signing in on $PORT_A, continuing on $PORT_B"
drill_java session-across "http://localhost:$PORT_A" "http://localhost:$PORT_B" || verdict=FAIL

rm -f "$DRILL_WORK/stop" "$DRILL_WORK/stop.ready"
drill_java load "http://localhost:$PROXY_PORT" "$DRILL_WORK/journal.txt" "$DRILL_WORK/stop" "$THREADS" "$SEED" \
  > "$DRILL_WORK/load.log" 2>&1 &
LOAD_PID=$!
for _ in $(seq 1 600); do
  [[ -f "$DRILL_WORK/stop.ready" ]] && break
  kill -0 "$LOAD_PID" 2> /dev/null || { cat "$DRILL_WORK/load.log" >&2; exit 1; }
  sleep 0.2
done
say "load running through nginx"
sleep "$BEFORE_SECONDS"
killed=$(now_ms)
kill -9 "$PID_B" 2> /dev/null || true
wait "$PID_B" 2> /dev/null || true
PID_B=""
say "instance on $PORT_B killed (kill -9)"
sleep "$AFTER_SECONDS"
load_stop
say "load stopped"

drill_java failover-report "$DRILL_WORK/journal.txt" "$killed" "$GRACE_MS" || verdict=FAIL
if ! DRILL_APP_PORT="$PORT_A" health_up; then
  echo "  FAIL the surviving instance is not UP"
  verdict=FAIL
fi
# the verifier checks every block against its rows and its link to the block before it
say "verifying the sealed log through the proxy"
drill_java verify-log "http://localhost:$PROXY_PORT" || verdict=FAIL
stop_pid "$NGINX_PID"; NGINX_PID=""
stop_pid "$PID_A"; PID_A=""
say "checking the database"
drill_java check "jdbc:postgresql://localhost:$DRILL_PG_PORT/schakel" "$DRILL_WORK/journal.txt" || verdict=FAIL

seconds=$(( ($(now_ms) - drill_started) / 1000 ))
echo "== two-instances drill: one of two instances killed under load, seed $SEED, $seconds s in all: $verdict"
[[ "$verdict" == PASS ]]
