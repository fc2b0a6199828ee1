#!/usr/bin/env bash
# One benchmark run, everything RESULTS.md reports, in one go on this machine:
#   1. builds the benchmarks jar and portal-app, and the libsodium floor (gcc -O2, Debian's libsodium-dev);
#   2. runs every JMH benchmark (benchmarks/target/results.json);
#   3. runs the libsodium floor on the Java benchmarks' own inputs (benchmarks/target/libsodium.json);
#   4. runs the end-to-end wrk benchmark (benchmarks/end-to-end.sh) twice: portal-app on AWS-LC
#      (benchmarks/target/end-to-end.json) and on BouncyCastle (end-to-end-bouncy-castle.json);
#   5. writes benchmarks/RESULTS.md from the three.
# About 45 minutes on 2 cores. Needs: Java 17, gcc, libsodium-dev, and for step 4 wrk, curl and jq
# (apt-get install gcc libsodium-dev wrk curl jq). Arguments go to JMH, e.g. a benchmark filter:
#   benchmarks/run.sh                       everything
#   benchmarks/run.sh ResponseVerification   one JMH benchmark (the report shows what ran)
# Set SKIP_END_TO_END=1 to leave out step 4.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
TARGET="$ROOT/benchmarks/target"
cd "$ROOT"

missing=()
command -v gcc >/dev/null || missing+=(gcc)
[ -f /usr/include/sodium.h ] || missing+=(libsodium-dev)
if [ "${SKIP_END_TO_END:-0}" != 1 ]; then
	for tool in wrk curl jq; do
		command -v "$tool" >/dev/null || missing+=("$tool")
	done
fi
if [ ${#missing[@]} -gt 0 ]; then
	echo "benchmarks/run.sh needs ${missing[*]}: apt-get install ${missing[*]}" >&2
	exit 1
fi

load() {
	printf '%s\t%s\t%s\t%s\n' "$(date -u +%Y-%m-%dT%H:%M:%S.%NZ)" "$1" "$(cut -d' ' -f1-3 /proc/loadavg)" "$(nproc)" \
		>>"$TARGET/load.tsv"
}

echo "== building the benchmarks jar, portal-app and the libsodium floor"
./mvnw -B -q -Pbenchmarks -pl benchmarks,samples/portal-app -am clean package -DskipTests
gcc -O2 -Wall -Wextra -o "$TARGET/libsodium_floor" benchmarks/native/libsodium_floor.c -lsodium

echo "== JMH"
java -jar "$TARGET/benchmarks.jar" -rf json -rff "$TARGET/results.json" "$@"

echo "== libsodium floor"
java -cp "$TARGET/benchmarks.jar" dev.cobooauth.signing.LibsodiumFloorInputs "$TARGET/native-inputs"
load "libsodium floor start"
"$TARGET/libsodium_floor" "$TARGET/native-inputs/wallets-body.json" "$TARGET/native-inputs/transfer-body.json" \
	"$(cat "$TARGET/native-inputs/wallets-query.txt")" 8 | tee "$TARGET/libsodium.json"
load "libsodium floor end"

if [ "${SKIP_END_TO_END:-0}" != 1 ]; then
	echo "== end to end (wrk), portal-app on AWS-LC"
	load "end to end start"
	CRYPTO_PROVIDER=aws-lc benchmarks/end-to-end.sh
	load "end to end end"
	echo "== end to end (wrk), portal-app on BouncyCastle"
	load "end to end bouncy-castle start"
	CRYPTO_PROVIDER=bouncy-castle OUT="$TARGET/end-to-end-bouncy-castle.json" WORK="$TARGET/end-to-end-bouncy-castle" \
		benchmarks/end-to-end.sh
	load "end to end bouncy-castle end"
fi

echo "== report"
java -cp "$TARGET/benchmarks.jar" dev.cobooauth.benchmarks.report.ResultsReport "$TARGET/results.json" \
	benchmarks/RESULTS.md
echo "Wrote benchmarks/RESULTS.md"
