#!/usr/bin/env bash
# Coverage-guided fuzzing with Jazzer (docs/reliability.md; hand-edited policy files and free input must never crash a parser): each @FuzzTest
# target runs for a bounded time in its own JVM. `./mvnw -B verify` only replays the stored
# inputs (src/test/resources/**/*FuzzTestInputs/); this script searches for new ones.
#
#   .ci/fuzz.sh                      every target, its default time
#   FUZZ_SECONDS=300 .ci/fuzz.sh     every target for 5 minutes
#   .ci/fuzz.sh IdentifierFuzzTest   only the targets whose class#method contains this text
#
# A finding is written into the target's inputs directory under src/test/resources (so it
# becomes a regression input once committed) and the script exits 1 after the remaining
# targets. Jazzer's native driver is inside its jar (Linux x86_64/aarch64, macOS); the JVM is
# the one on PATH (17+).
#
# Why not `JAZZER_FUZZ=1 ./mvnw test -Dtest=...` per target: Jazzer fuzzes one test per JVM,
# so that would start Maven once per target (~30 s each on the 2-core CI machine). Instead
# Maven runs once to compile and write the test classpath, and Jazzer's own launcher runs each
# @FuzzTest through JUnit.
#
# Environment:
#   FUZZ_SECONDS   seconds per target, overriding each target's default below
#   MAVEN_OFFLINE  set to anything to build with -o
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$(pwd)"

log() { echo "[fuzz.sh] $*" >&2; }

# class#method  seconds  classes whose coverage guides the fuzzer
# The times keep the whole script near 4 minutes on a 2-core CI machine: each JVM needs ~30 s
# to install Jazzer's agent and hooks before fuzzing starts. The identifier targets saturate
# their coverage in seconds; the YAML loaders keep finding new paths, so they get the most.
TARGETS=(
    "nl.schakel.reliability.PolicyLoaderFuzzTest#anyPolicyFileLoadsOrIsRefusedNamingFileAndLine 45 nl.schakel.**:org.yaml.snakeyaml.**"
    "nl.schakel.audit.ReviewFlagsFuzzTest#anyReviewFlagsFileLoadsOrIsRefusedNamingFileAndLine 30 nl.schakel.**:org.yaml.snakeyaml.**"
    "nl.schakel.reliability.IdentifierFuzzTest#aBsnIsAcceptedExactlyWhenItsNineDigitsPassTheElevenTest 15 nl.schakel.**"
    "nl.schakel.reliability.IdentifierFuzzTest#aPurposeHeaderNamesAKnownPurposeOrIsRefusedNamingTheHeader 10 nl.schakel.**"
)
FILTER="${1:-}"

start_ts=$(date +%s)
log "compiling and writing the test classpath"
./mvnw -B -q ${MAVEN_OFFLINE:+-o} -pl db-migrations,frontend-resources,backend test-compile \
    org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
    -Dmdep.outputFile=target/fuzz-classpath.txt -Dmdep.includeScope=test </dev/null

cd "$ROOT/backend"
CLASSPATH_FILE="target/test-classes:target/classes:$(cat target/fuzz-classpath.txt)"
mkdir -p target/fuzz

status=0
summary=()
for entry in "${TARGETS[@]}"; do
    read -r target seconds includes <<<"$entry"
    [[ -z "$FILTER" || "$target" == *"$FILTER"* ]] || continue
    class="${target%#*}"
    method="${target#*#}"
    seconds="${FUZZ_SECONDS:-$seconds}"
    inputs="src/test/resources/${class//.//}Inputs/$method"
    mkdir -p "$inputs"
    out="target/fuzz/${class##*.}-$method.log"
    log "fuzzing $class#$method for ${seconds}s (coverage: $includes)"
    t0=$(date +%s)
    rc=0
    # -max_total_time counts from libFuzzer's start, after the JVM and the agent are up
    java -cp "$CLASSPATH_FILE" com.code_intelligence.jazzer.Jazzer \
        --target_class="$class" --target_method="$method" \
        --instrumentation_includes="$includes" \
        -max_total_time="$seconds" -artifact_prefix="$inputs/" -print_final_stats=1 \
        >"$out" 2>&1 </dev/null || rc=$?
    took=$(($(date +%s) - t0))
    runs="$(sed -n 's/^Done \([0-9]*\) runs in \([0-9]*\) second.*/\1 runs in \2 s/p' "$out" | tail -n 1)"
    rate="$(sed -n 's/^stat::average_exec_per_sec: *//p' "$out" | tail -n 1)"
    cov="$(grep -Eo 'cov: [0-9]+ ft: [0-9]+ corp: [0-9]+' "$out" | tail -n 1)"
    if [[ $rc -eq 0 ]]; then
        result="no finding"
    else
        status=1
        result="FINDING (exit $rc), see $out; reproducer: $(grep -Eo 'written to [^ ]+' "$out" | tail -n 1)"
        grep -v '^INFO: Instrumented\|^INFO: Loaded .* hooks' "$out" | grep -A25 '== Java Exception\|FuzzTestFindingException' | head -n 40 >&2 || true
    fi
    summary+=("$class#$method: ${runs:-no runs}, ${rate:-?} exec/s, $cov, ${took}s wall: $result")
done

log "summary after $(($(date +%s) - start_ts))s:"
for line in "${summary[@]}"; do log "  $line"; done
exit "$status"
