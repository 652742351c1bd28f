#!/usr/bin/env bash
# Runs one Schakel benchmark program (issue 7, docs/benchmarks.md) on the backend's test classpath.
# Not run by CI. Usage, from the project root, after ./mvnw -q -o -B install -DskipTests:
#   .ci/bench-run.sh nl.schakel.benchmark.MicroBenchmarks
#   .ci/bench-run.sh nl.schakel.benchmark.StartupBenchmark
#   JAVA_OPTS="-Xmx3g -Dbench.scale=0.1" .ci/bench-run.sh nl.schakel.benchmark.NationalScaleBenchmark
# The compiled classes are copied to a snapshot first, so a concurrent build in the same tree
# (which rewrites backend/target/classes) cannot pull classes from under a running benchmark.
set -euo pipefail
cd "$(dirname "$0")/.."
main="${1:?main class}"; shift || true
snapshot="$(mktemp -d /tmp/schakel-bench-cp.XXXXXX)"
cp -r backend/target/classes "$snapshot/classes"
cp -r backend/target/test-classes "$snapshot/test-classes"
./mvnw -q -o -B -pl backend dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$snapshot/deps.txt" >/dev/null
exec java ${JAVA_OPTS:--Xmx2g} -cp "$snapshot/test-classes:$snapshot/classes:$(cat "$snapshot/deps.txt")" "$main" "$@"
