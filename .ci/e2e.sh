#!/usr/bin/env bash
# The end-to-end suite: the application (in-process, profiles test,keycloak) against a real
# Keycloak with the realm from policies/keycloak/ and a real headless Chromium, driven by
# Selenium, with axe-core on every page. Runs on a fresh CI machine as root without stdin.
#
#   .ci/e2e.sh
#
# Assumes `./mvnw -B verify` has run before (dependencies in ~/.m2). Installs Debian's
# chromium and chromium-driver when missing, starts Keycloak with .ci/keycloak.sh (and stops it
# on exit) unless KEYCLOAK_URL already points at a running one, then runs the Maven profile e2e
# (only *E2E tests; unit tests and ITs are the normal build's job).
#
# Environment:
#   KEYCLOAK_URL               use this running Keycloak (with the schakel realm) instead of starting one
#   JASYPT_ENCRYPTOR_PASSWORD  master password for ENC(...) values; default: the demo one, which
#                              decrypts the demo client secret in application-keycloak.yaml
set -euo pipefail

cd "$(dirname "$0")/.."

log() { echo "[e2e.sh] $*" >&2; }

if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
    log "installing Debian's chromium and chromium-driver"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q
    apt-get install -y -q chromium chromium-driver </dev/null
fi
log "$(chromium --version 2>/dev/null || echo 'chromium: version unknown'); $(chromedriver --version 2>/dev/null | head -n 1)"

started_keycloak=false
stop_keycloak() {
    if [[ "$started_keycloak" == true ]]; then
        .ci/keycloak.sh stop || true
    fi
}
trap stop_keycloak EXIT

if [[ -z "${KEYCLOAK_URL:-}" ]]; then
    started_keycloak=true
    start_output="$(.ci/keycloak.sh start)"
    KEYCLOAK_URL="$(printf '%s\n' "$start_output" | sed -n 's/^KEYCLOAK_URL=//p' | tail -n 1)"
    [[ -n "$KEYCLOAK_URL" ]] || { log "Keycloak started but printed no KEYCLOAK_URL"; exit 1; }
fi
export KEYCLOAK_URL
export JASYPT_ENCRYPTOR_PASSWORD="${JASYPT_ENCRYPTOR_PASSWORD:-schakel-demo-master-password}"
log "Keycloak at $KEYCLOAK_URL"

start_ts=$(date +%s)
status=0
# -am builds the migrations and front-end jars from this tree rather than from ~/.m2
./mvnw -B -pl backend -am -Pe2e verify </dev/null || status=$?
log "end-to-end suite finished with status $status after $(($(date +%s) - start_ts))s"
exit "$status"
