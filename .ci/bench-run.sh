#!/usr/bin/env bash
# Runs one Schakel benchmark program (docs/benchmarks.md) on the backend's test classpath.
# Not run by CI. Usage, from the project root (a fresh clone with an empty Maven cache works too:
# the first run compiles the modules and downloads what it needs):
#   .ci/bench-run.sh nl.schakel.benchmark.MicroBenchmarks
#   .ci/bench-run.sh nl.schakel.benchmark.StartupBenchmark
#   JAVA_OPTS="-Xmx3g -Dbench.scale=0.1" .ci/bench-run.sh nl.schakel.benchmark.NationalScaleBenchmark
# The compiled classes are copied to a snapshot first, so a concurrent build in the same tree
# (which rewrites backend/target/classes) cannot pull classes from under a running benchmark.
set -euo pipefail
cd "$(dirname "$0")/.."
main="${1:?main class}"; shift || true
snapshot="$(mktemp -d /tmp/schakel-bench-cp.XXXXXX)"
# Compile this tree (with the migrations and front-end modules from the reactor, not from
# ~/.m2) and write the backend's test classpath. Online, so that an empty Maven cache fills
# itself; each module writes its own list and the backend, built last, writes the one kept.
./mvnw -q -B -pl backend -am test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$snapshot/deps.txt" >/dev/null
cp -r backend/target/classes "$snapshot/classes"
cp -r backend/target/test-classes "$snapshot/test-classes"
exec java ${JAVA_OPTS:--Xmx2g} -cp "$snapshot/test-classes:$snapshot/classes:$(cat "$snapshot/deps.txt")" "$main" "$@"
