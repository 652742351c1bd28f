#!/usr/bin/env bash
# The reliability and security suite on its own (docs/reliability.md). The same classes run
# in `./mvnw -B verify` (and so in .ci/run) with CI-sized counts; this script runs them with
# the full counts: 10,000 tries per property, including the API bodies through MockMvc.
#   .ci/reliability-suite.sh            full counts
#   API_TRIES=2000 .ci/reliability-suite.sh
set -euo pipefail
cd "$(dirname "$0")/.."

API_TRIES="${API_TRIES:-10000}"
SEED="${SEED:-20261128}"

./mvnw -B ${MAVEN_OFFLINE:+-o} verify -pl db-migrations,frontend-resources,backend \
  -Dtest='BsnPropertiesTest,PolicyLoaderPropertiesTest,*FuzzTest,DatabaseUnavailableTest' -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test='AuthorisationMatrixIT,WebSecurityIT,RateLimitIT,ApiBodyFuzzIT,OverLongTextIT,DatabaseOutageIT' \
  -Dreliability.api.tries="$API_TRIES" -Dreliability.api.seed="$SEED"
