#!/usr/bin/env bash
# Start/stop a throw-away Keycloak (dev mode, H2 file DB) with the Schakel realm imported.
# For CI and local end-to-end tests only -- never for production.
#
#   .ci/keycloak.sh start   -> prints KEYCLOAK_URL=http://localhost:<port>
#   .ci/keycloak.sh stop
#   .ci/keycloak.sh status
#
# Needs: a JDK (17+; Keycloak 26.5 runs on 17, 21+ recommended), network access to Maven Central
# (the distribution is fetched as org.keycloak:keycloak-quarkus-dist:<version>:zip, cached in ~/.m2),
# curl or wget, and unzip (falls back to the JDK's `jar`).
#
# Environment:
#   KEYCLOAK_PORT           HTTP port (default: first free port from 8180 upwards)
#   KEYCLOAK_VERSION        default 26.5.6
#   KEYCLOAK_START_TIMEOUT  seconds to wait for the realm to answer (default 180)
#   KEYCLOAK_JAVA_HOME      JDK for Keycloak (default: JAVA_HOME / java on PATH)
#   KEYCLOAK_ADMIN_PASSWORD password of the temporary master-realm admin "admin" (default: admin)
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT="$(pwd)"

KEYCLOAK_VERSION="${KEYCLOAK_VERSION:-26.5.6}"
REALM_FILE="$ROOT/policies/keycloak/schakel-realm.json"
TARGET="$ROOT/target"
DIST_DIR="$TARGET/keycloak-dist"
KC_HOME="$TARGET/keycloak"
LOG_FILE="$TARGET/keycloak.log"
PID_FILE="$TARGET/keycloak.pid"
PORT_FILE="$TARGET/keycloak.port"
TIMEOUT="${KEYCLOAK_START_TIMEOUT:-180}"
DEP_PLUGIN="org.apache.maven.plugins:maven-dependency-plugin:3.8.1"

log() { echo "[keycloak.sh] $*" >&2; }
die() { log "ERROR: $*"; exit 1; }

port_in_use() {
    # true when something accepts connections on localhost:$1
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

http_ok() {
    if command -v curl >/dev/null 2>&1; then
        curl -fsS -o /dev/null --max-time 5 "$1" 2>/dev/null
    elif command -v wget >/dev/null 2>&1; then
        wget -q -O /dev/null --timeout=5 "$1" 2>/dev/null
    else
        die "need curl or wget"
    fi
}

running_pid() {
    # prints the pid from the pid file if that process is still alive
    if [[ -f "$PID_FILE" ]]; then
        local pid
        pid="$(cat "$PID_FILE")"
        if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
            echo "$pid"
            return 0
        fi
    fi
    return 1
}

fetch_dist() {
    local zip="$DIST_DIR/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip"
    if [[ -f "$zip" ]]; then
        echo "$zip"
        return
    fi
    local mvn
    if [[ -x "$ROOT/mvnw" ]]; then mvn="$ROOT/mvnw"; else mvn="mvn"; fi
    command -v "$mvn" >/dev/null 2>&1 || die "neither ./mvnw nor mvn found"
    log "fetching keycloak-quarkus-dist $KEYCLOAK_VERSION via $mvn (cached in ~/.m2)"
    mkdir -p "$DIST_DIR"
    # -N: do not load the reactor modules; the goal needs no project.
    "$mvn" -B -q -N "$DEP_PLUGIN:copy" \
        "-Dartifact=org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip" \
        "-DoutputDirectory=$DIST_DIR" >&2
    [[ -f "$zip" ]] || die "download failed: $zip missing"
    echo "$zip"
}

install_dist() {
    local marker="$KC_HOME/.schakel-keycloak-version"
    if [[ -x "$KC_HOME/bin/kc.sh" && -f "$marker" && "$(cat "$marker")" == "$KEYCLOAK_VERSION" ]]; then
        return
    fi
    local zip tmp
    zip="$(fetch_dist)"
    log "unpacking $zip"
    rm -rf "$KC_HOME"
    tmp="$TARGET/keycloak-unpack.$$"
    rm -rf "$tmp" && mkdir -p "$tmp"
    if command -v unzip >/dev/null 2>&1; then
        unzip -q "$zip" -d "$tmp"
    else
        (cd "$tmp" && jar xf "$zip")
    fi
    mv "$tmp/keycloak-$KEYCLOAK_VERSION" "$KC_HOME"
    rm -rf "$tmp"
    chmod +x "$KC_HOME"/bin/*.sh
    echo "$KEYCLOAK_VERSION" >"$marker"
}

choose_port() {
    if [[ -n "${KEYCLOAK_PORT:-}" ]]; then
        port_in_use "$KEYCLOAK_PORT" && die "KEYCLOAK_PORT=$KEYCLOAK_PORT is already in use"
        echo "$KEYCLOAK_PORT"
        return
    fi
    local p
    for p in $(seq 8180 8279); do
        if ! port_in_use "$p"; then
            echo "$p"
            return
        fi
    done
    die "no free port in 8180-8279; set KEYCLOAK_PORT"
}

cmd_start() {
    local pid
    if pid="$(running_pid)"; then
        die "Keycloak already running (pid $pid, port $(cat "$PORT_FILE" 2>/dev/null || echo '?')); run '$0 stop' first"
    fi
    [[ -f "$REALM_FILE" ]] || die "realm file not found: $REALM_FILE"
    mkdir -p "$TARGET"
    install_dist

    # Fresh dev database every start so that the realm file is always (re)imported;
    # --import-realm skips realms that already exist.
    rm -rf "$KC_HOME/data"
    mkdir -p "$KC_HOME/data/import"
    cp "$REALM_FILE" "$KC_HOME/data/import/schakel-realm.json"

    local port url start_ts
    port="$(choose_port)"
    url="http://localhost:$port"
    echo "$port" >"$PORT_FILE"

    if [[ -n "${KEYCLOAK_JAVA_HOME:-}" ]]; then export JAVA_HOME="$KEYCLOAK_JAVA_HOME"; fi
    # Temporary admin of the master realm (dev only).
    export KC_BOOTSTRAP_ADMIN_USERNAME="${KC_BOOTSTRAP_ADMIN_USERNAME:-admin}"
    export KC_BOOTSTRAP_ADMIN_PASSWORD="${KEYCLOAK_ADMIN_PASSWORD:-admin}"

    log "starting Keycloak $KEYCLOAK_VERSION on port $port (log: $LOG_FILE)"
    start_ts=$(date +%s)
    local launcher=()
    if command -v setsid >/dev/null 2>&1; then launcher=(setsid); fi
    # --hostname pins the issuer to http://localhost:<port>/realms/schakel whatever Host header is used.
    nohup ${launcher[@]+"${launcher[@]}"} "$KC_HOME/bin/kc.sh" start-dev --import-realm \
        --http-port="$port" --hostname="$url" \
        >"$LOG_FILE" 2>&1 </dev/null &
    pid=$!
    echo "$pid" >"$PID_FILE"

    local discovery="$url/realms/schakel/.well-known/openid-configuration"
    local deadline=$((start_ts + TIMEOUT))
    until http_ok "$discovery"; do
        if ! kill -0 "$pid" 2>/dev/null; then
            log "Keycloak process exited during start-up; last log lines:"
            tail -n 60 "$LOG_FILE" >&2 || true
            rm -f "$PID_FILE"
            exit 1
        fi
        if (($(date +%s) >= deadline)); then
            log "Keycloak did not answer $discovery within ${TIMEOUT}s; last log lines:"
            tail -n 60 "$LOG_FILE" >&2 || true
            cmd_stop || true
            exit 1
        fi
        sleep 2
    done
    log "Keycloak ready after $(($(date +%s) - start_ts))s"
    echo "KEYCLOAK_URL=$url"
}

cmd_stop() {
    local pid
    if ! pid="$(running_pid)"; then
        log "Keycloak not running"
        rm -f "$PID_FILE" "$PORT_FILE"
        return 0
    fi
    log "stopping Keycloak (pid $pid)"
    # With setsid the pid leads its own process group: signal the whole group (kc.sh + java).
    local target="$pid"
    if [[ "$(ps -o pgid= -p "$pid" 2>/dev/null | tr -d ' ')" == "$pid" ]]; then target="-$pid"; fi
    kill -TERM -- "$target" 2>/dev/null || true
    local i
    for i in $(seq 1 30); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 1
    done
    if kill -0 "$pid" 2>/dev/null; then
        log "still alive after 30s, sending KILL"
        kill -KILL -- "$target" 2>/dev/null || true
    fi
    rm -f "$PID_FILE" "$PORT_FILE"
}

cmd_status() {
    local pid
    if pid="$(running_pid)"; then
        echo "running pid=$pid KEYCLOAK_URL=http://localhost:$(cat "$PORT_FILE" 2>/dev/null || echo '?')"
    else
        echo "stopped"
        return 1
    fi
}

case "${1:-}" in
    start) cmd_start ;;
    stop) cmd_stop ;;
    status) cmd_status ;;
    *)
        echo "usage: $0 start|stop|status" >&2
        exit 2
        ;;
esac
