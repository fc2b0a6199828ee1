#!/usr/bin/env bash
# End-to-end load benchmark: what the starter costs an application under concurrent load.
#
# wrk loads portal-app's authorized GET (GET /orgs/{org}/wallets: signed, with the org's Org Access
# Token, the answer verified, all by the starter) and the same endpoint in a plain pass-through
# application without the starter (PassThroughApplication). Both call one fake Cobo that answers a
# body signed once at startup (FakeCoboServer), so the server costs both the same. After a warm-up of
# each, the measured rounds alternate between the two, so that drift in the machine hits both alike.
# wrk, both applications and the fake Cobo share this machine's cores: the figures are for the whole
# of it, not for an application with cores of its own.
#
# It builds nothing. Build first:
#   ./mvnw -B -q -Pbenchmarks -pl benchmarks -am package -DskipTests
#   ./mvnw -B -q -pl samples/portal-app -am package -DskipTests
# then, from anywhere:
#   benchmarks/end-to-end.sh
# Writes benchmarks/target/end-to-end.json; logs and wrk's own output go to benchmarks/target/end-to-end/.
# Settings can be changed through the environment, e.g. ROUNDS=5 DURATION=30 benchmarks/end-to-end.sh.
# CRYPTO_PROVIDER is portal-app's cobo.crypto.provider: aws-lc (default; portal-app has Amazon Corretto
# Crypto Provider on Linux) or bouncy-castle; benchmarks/run.sh runs both, the second with
# OUT=benchmarks/target/end-to-end-bouncy-castle.json WORK=benchmarks/target/end-to-end-bouncy-castle.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCHMARKS_JAR="$ROOT/benchmarks/target/benchmarks.jar"
PORTAL_JAR="$ROOT/samples/portal-app/target/portal-app.jar"
OUT="${OUT:-$ROOT/benchmarks/target/end-to-end.json}"
WORK="${WORK:-$ROOT/benchmarks/target/end-to-end}"
CRYPTO_PROVIDER="${CRYPTO_PROVIDER:-aws-lc}"

STARTER_PORT="${STARTER_PORT:-18080}"
PLAIN_PORT="${PLAIN_PORT:-18081}"
WRK_THREADS="${WRK_THREADS:-1}"
CONNECTIONS="${CONNECTIONS:-16}"
# Seconds of wrk per application before anything is measured. With the cores shared the JIT is slow:
# after 20 s both applications were still a third slower than 30 s later, and after 45 s portal-app's
# first round was still a tenth slower than its later ones.
WARMUP="${WARMUP:-60}"
DURATION="${DURATION:-15}"      # seconds of each measured round
ROUNDS="${ROUNDS:-3}"           # measured rounds per application
FAKE_COBO_THREADS="${FAKE_COBO_THREADS:-8}"
# The same heap for both applications, so that neither is measured with more room than the other.
APP_JAVA_OPTS="${APP_JAVA_OPTS:--Xms512m -Xmx512m}"
STARTUP_TIMEOUT="${STARTUP_TIMEOUT:-90}"

ORG=org-bench
REQUEST="/orgs/$ORG/wallets?limit=10"
# The wallet of the fake Cobo's fixed answer (FakeCobo.WALLETS_BODY).
FAKE_WALLET_ID=f47ac10b-58cc-4372-a567-0e02b2c3d479
CLOCK_TICKS=$(getconf CLK_TCK)

STARTED_PIDS=()

fail() {
	echo "end-to-end: FAILED: $*" >&2
	exit 1
}

note() {
	echo "end-to-end: $*"
}

# Stops every process this script started, and only those: TERM, then KILL after 15 s.
stop_started_processes() {
	local pid
	for pid in "${STARTED_PIDS[@]}"; do
		kill -TERM "$pid" 2>/dev/null || true
	done
	for pid in "${STARTED_PIDS[@]}"; do
		for _ in $(seq 30); do
			kill -0 "$pid" 2>/dev/null || break
			sleep 0.5
		done
		kill -KILL "$pid" 2>/dev/null || true
	done
	rm -f "$WORK/app-key"
}

check_prerequisites() {
	local command
	for command in java wrk curl jq; do
		command -v "$command" >/dev/null || fail "'$command' is not installed"
	done
	[[ -f "$BENCHMARKS_JAR" ]] || fail "$BENCHMARKS_JAR is missing; build it with: ./mvnw -B -q -Pbenchmarks -pl benchmarks -am package -DskipTests"
	[[ -f "$PORTAL_JAR" ]] || fail "$PORTAL_JAR is missing; build it with: ./mvnw -B -q -pl samples/portal-app -am package -DskipTests"
	local port
	for port in "$STARTER_PORT" "$PLAIN_PORT"; do
		if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
			fail "port $port is taken by another process; set STARTER_PORT / PLAIN_PORT to free ones"
		fi
	done
}

load_average() {
	cut -d' ' -f1-3 /proc/loadavg
}

# Starts a command in the background with its output in a log; its pid goes to STARTED_PIDS and LAST_PID.
start_process() {
	local log=$1
	shift
	"$@" >"$log" 2>&1 &
	LAST_PID=$!
	STARTED_PIDS+=("$LAST_PID")
}

require_running() {
	local pid=$1 name=$2 log=$3
	if ! kill -0 "$pid" 2>/dev/null; then
		tail -n 40 "$log" >&2 || true
		fail "$name stopped; its log is $log (last lines above)"
	fi
}

start_fake_cobo() {
	start_process "$WORK/fake-cobo.log" java -Xmx256m -cp "$BENCHMARKS_JAR" \
		dev.cobooauth.benchmarks.endtoend.FakeCoboServer "$WORK/fake-cobo.properties" "$FAKE_COBO_THREADS"
	FAKE_PID=$LAST_PID
	for _ in $(seq "$STARTUP_TIMEOUT"); do
		[[ -f "$WORK/fake-cobo.properties" ]] && break
		require_running "$FAKE_PID" "The fake Cobo" "$WORK/fake-cobo.log"
		sleep 1
	done
	[[ -f "$WORK/fake-cobo.properties" ]] || fail "the fake Cobo did not say where it listens within ${STARTUP_TIMEOUT}s; see $WORK/fake-cobo.log"
	COBO_BASE_URL=$(sed -n 's/^base-url=//p' "$WORK/fake-cobo.properties")
	COBO_RESPONSE_KEY=$(sed -n 's/^response-public-key=//p' "$WORK/fake-cobo.properties")
	note "fake Cobo at $COBO_BASE_URL (pid $FAKE_PID)"
}

# portal-app as a user runs it against a Cobo of their own (its jar has no simulator, and stops at
# startup without cobo.app.client-id and an app key). The fake checks no signature, so any Ed25519 key serves as the app key; it is given
# as a file, as docs/samples.md advises, not on the command line.
start_starter_app() {
	od -An -tx1 -N32 /dev/urandom | tr -d ' \n' >"$WORK/app-key"
	# shellcheck disable=SC2086 # APP_JAVA_OPTS holds several options
	start_process "$WORK/starter.log" java $APP_JAVA_OPTS -jar "$PORTAL_JAR" \
		--server.port="$STARTER_PORT" \
		--cobo.base-url="$COBO_BASE_URL" \
		--cobo.response-verification.public-key="$COBO_RESPONSE_KEY" \
		--cobo.app.client-id=bench-app \
		--cobo.app.private-key-location="file:$WORK/app-key" \
		--cobo.crypto.provider="$CRYPTO_PROVIDER" \
		--spring.http.clients.imperative.factory=jdk
	STARTER_PID=$LAST_PID
}

start_plain_app() {
	# shellcheck disable=SC2086 # APP_JAVA_OPTS holds several options
	start_process "$WORK/plain.log" java $APP_JAVA_OPTS -cp "$BENCHMARKS_JAR" \
		dev.cobooauth.benchmarks.endtoend.PassThroughApplication \
		--server.port="$PLAIN_PORT" \
		--spring.http.serviceclient.waas.base-url="$COBO_BASE_URL"
	PLAIN_PID=$LAST_PID
}

# Waits until the application answers the benchmark's request with 200 and the fake Cobo's wallet.
# For portal-app that first call also fetches the org's token, so no measured call does.
wait_until_answers() {
	local name=$1 port=$2 pid=$3
	local body="$WORK/first-answer-$name.json" status
	for _ in $(seq "$STARTUP_TIMEOUT"); do
		require_running "$pid" "$name" "$WORK/$name.log"
		status=$(curl -s --max-time 10 -o "$body" -w '%{http_code}' "http://127.0.0.1:$port$REQUEST" || true)
		if [[ "$status" == 200 ]]; then
			grep -q "\"wallet_id\":\"$FAKE_WALLET_ID\"" "$body" || fail "$name answered 200 without the fake Cobo's wallet: $(cat "$body")"
			note "$name answers on port $port (pid $pid)"
			return
		fi
		if [[ "$status" != 000 ]]; then
			fail "$name answered HTTP $status to GET $REQUEST: $(cat "$body"); its log is $WORK/$name.log"
		fi
		sleep 1
	done
	fail "$name did not answer within ${STARTUP_TIMEOUT}s; its log is $WORK/$name.log"
}

# CPU time (user + system) a process has used so far, in clock ticks.
cpu_ticks() {
	awk '{ print $14 + $15 }' "/proc/$1/stat"
}

# CPU time of the whole machine so far, in clock ticks summed over its cores: "busy total".
machine_ticks() {
	awk '/^cpu / { busy = $2 + $3 + $4 + $7 + $8 + $9; print busy, busy + $5 + $6 }' /proc/stat
}

# CPU time of the processes this script started, in clock ticks (wrk's is added per run).
own_ticks() {
	echo $(($(cpu_ticks "$STARTER_PID") + $(cpu_ticks "$PLAIN_PID") + $(cpu_ticks "$FAKE_PID")))
}

# How busy the machine is over two seconds, in percent of all its cores.
machine_busy_percent() {
	local before after
	before=$(machine_ticks)
	sleep 2
	after=$(machine_ticks)
	awk -v before="$before" -v after="$after" 'BEGIN {
		split(before, b, " "); split(after, a, " ");
		printf "%.0f", 100 * (a[1] - b[1]) / (a[2] - b[2]) }'
}

# wrk calls done() once at the end; with no request() or response() function wrk stays on its fast
# path. It prints one JSON line with wrk's exact counts, in place of its rounded text.
write_wrk_script() {
	cat >"$WORK/report.lua" <<'LUA'
done = function(summary, latency, requests)
  io.write(string.format('{"requests":%d,"duration_us":%d,"status_errors":%d,"connect_errors":%d,' ..
    '"read_errors":%d,"write_errors":%d,"timeouts":%d,"p50_us":%d,"p99_us":%d}\n',
    summary.requests, summary.duration, summary.errors.status, summary.errors.connect,
    summary.errors.read, summary.errors.write, summary.errors.timeout,
    latency:percentile(50), latency:percentile(99)))
end
LUA
}

# One wrk run against one application; appends its figures, as one JSON object, to $WORK/runs.jsonl.
# Besides wrk's figures it notes the CPU each process used, and how much of the machine went to
# processes this script did not start (the kernel's loopback work is counted there too).
run_wrk() {
	local app=$1 phase=$2 round=$3 seconds=$4
	local port=$PLAIN_PORT pid=$PLAIN_PID
	if [[ "$app" == starter ]]; then port=$STARTER_PORT pid=$STARTER_PID; fi
	local output="$WORK/wrk-$phase-$round-$app.txt"
	local app_before fake_before own_before machine_before
	app_before=$(cpu_ticks "$pid")
	fake_before=$(cpu_ticks "$FAKE_PID")
	own_before=$(own_ticks)
	machine_before=$(machine_ticks)
	local TIMEFORMAT='%U %S'
	if ! { time wrk --latency -t"$WRK_THREADS" -c"$CONNECTIONS" -d"${seconds}s" -s "$WORK/report.lua" \
		"http://127.0.0.1:$port$REQUEST" >"$output" 2>&1; } 2>"$WORK/wrk-cpu.txt"; then
		fail "wrk failed against $app; its output is $output"
	fi
	require_running "$FAKE_PID" "The fake Cobo" "$WORK/fake-cobo.log"
	require_running "$STARTER_PID" "starter" "$WORK/starter.log"
	require_running "$PLAIN_PID" "plain" "$WORK/plain.log"
	local app_ticks=$(($(cpu_ticks "$pid") - app_before))
	local fake_ticks=$(($(cpu_ticks "$FAKE_PID") - fake_before))
	local own=$(($(own_ticks) - own_before))
	local machine_after
	machine_after=$(machine_ticks)
	local figures
	figures=$(grep '^{' "$output" | tail -n 1)
	[[ -n "$figures" ]] || fail "no figures in wrk's output $output"
	jq -c --arg app "$app" --arg phase "$phase" --argjson round "$round" \
		--argjson app_ticks "$app_ticks" --argjson fake_ticks "$fake_ticks" --argjson own_ticks "$own" \
		--arg wrk_cpu "$(tail -n 1 "$WORK/wrk-cpu.txt")" --argjson ticks "$CLOCK_TICKS" \
		--arg machine_before "$machine_before" --arg machine_after "$machine_after" \
		--arg load "$(load_average)" '
		def per_request($t): if .requests > 0 then $t * 1e6 / $ticks / .requests else null end;
		($wrk_cpu | split(" ") | map(tonumber) | add * $ticks) as $wrk_ticks
		| ($machine_before | split(" ") | map(tonumber)) as $before
		| ($machine_after | split(" ") | map(tonumber)) as $after
		| ($after[0] - $before[0]) as $busy
		| ($after[1] - $before[1]) as $total
		| {
			app: $app,
			phase: $phase,
			round: $round,
			seconds: (.duration_us / 1e6),
			requests: .requests,
			requests_per_second: (.requests / (.duration_us / 1e6)),
			p50_ms: (.p50_us / 1000),
			p99_ms: (.p99_us / 1000),
			non_2xx: .status_errors,
			socket_errors: (.connect_errors + .read_errors + .write_errors + .timeouts),
			app_cpu_us_per_request: per_request($app_ticks),
			fake_cobo_cpu_us_per_request: per_request($fake_ticks),
			wrk_cpu_us_per_request: per_request($wrk_ticks),
			machine_busy_percent: (100 * $busy / $total),
			not_ours_cpu_percent: (100 * ([$busy - $own_ticks - $wrk_ticks, 0] | max) / $total),
			load_average_after: $load
		}' <<<"$figures" >>"$WORK/runs.jsonl"
	check_last_run "$output"
}

# A run with failed answers is not a fast run: stop there.
check_last_run() {
	local output=$1 run
	run=$(tail -n 1 "$WORK/runs.jsonl")
	jq -r '"  \(.phase) \(.round) \(.app): \(.requests_per_second | floor) requests/s, p50 \(.p50_ms) ms, p99 \(.p99_ms) ms, app CPU \(.app_cpu_us_per_request // 0 | floor) us/request, machine \(.machine_busy_percent | floor)% busy, \(.not_ours_cpu_percent | floor)% not ours"' <<<"$run"
	if [[ $(jq '.requests' <<<"$run") -eq 0 ]]; then
		fail "no request completed; wrk's output is $output"
	fi
	if [[ $(jq '.non_2xx' <<<"$run") -ne 0 ]]; then
		fail "$(jq '.non_2xx' <<<"$run") answers were not 2xx; wrk's output is $output, the application's log is in $WORK"
	fi
	if [[ $(jq '.socket_errors' <<<"$run") -ne 0 ]]; then
		fail "$(jq '.socket_errors' <<<"$run") socket errors or timeouts; wrk's output is $output"
	fi
}

# Odd rounds measure the starter first, even rounds the plain application, so neither is always second.
measure() {
	local round
	for round in $(seq "$ROUNDS"); do
		if ((round % 2 == 1)); then
			run_wrk starter measured "$round" "$DURATION"
			run_wrk plain measured "$round" "$DURATION"
		else
			run_wrk plain measured "$round" "$DURATION"
			run_wrk starter measured "$round" "$DURATION"
		fi
	done
}

write_results() {
	local started=$1 load_before=$2 load_after=$3 busy_before=$4
	jq -s \
		--arg started "$started" --arg finished "$(date -u +%Y-%m-%dT%H:%M:%SZ)" \
		--argjson cores "$(nproc)" --arg java "$(java -version 2>&1 | head -n 1)" --arg wrk "$(wrk -v 2>&1 | head -n 1)" \
		--arg load_before "$load_before" --arg load_after "$load_after" --argjson busy_before "$busy_before" \
		--argjson threads "$WRK_THREADS" --argjson connections "$CONNECTIONS" \
		--argjson warmup "$WARMUP" --argjson duration "$DURATION" --argjson rounds "$ROUNDS" \
		--arg request "GET $REQUEST" --arg java_options "$APP_JAVA_OPTS" --argjson fake_threads "$FAKE_COBO_THREADS" \
		--arg crypto_provider "$CRYPTO_PROVIDER" '
		def measured($app): map(select(.phase == "measured" and .app == $app));
		def mean(f): (map(f) | add / length);
		def summary($app): measured($app) | {
			requests_per_second_mean: mean(.requests_per_second),
			p50_ms_mean: mean(.p50_ms),
			p99_ms_mean: mean(.p99_ms),
			p99_ms_max: (map(.p99_ms) | max),
			app_cpu_us_per_request_mean: mean(.app_cpu_us_per_request),
			not_ours_cpu_percent_max: (map(.not_ours_cpu_percent) | max)
		};
		{
			benchmark: "end-to-end",
			started: $started,
			finished: $finished,
			machine: {
				cores: $cores,
				shared: "wrk, both applications and the fake Cobo run on these same cores",
				busy_percent_before: $busy_before,
				java: $java,
				load_average_before: $load_before,
				load_average_after: $load_after
			},
			settings: {
				wrk: $wrk,
				wrk_threads: $threads,
				connections: $connections,
				warmup_seconds_per_app: $warmup,
				round_seconds: $duration,
				rounds: $rounds,
				order: "odd rounds starter first, even rounds plain first",
				request: $request,
				app_java_options: $java_options,
				fake_cobo_threads: $fake_threads,
				crypto_provider: $crypto_provider
			},
			apps: {
				starter: "samples/portal-app: the starter signs each call, adds the Org Access Token of the org and verifies the answer",
				plain: "dev.cobooauth.benchmarks.endtoend.PassThroughApplication: the same endpoint and client, no starter"
			},
			notes: [
				"non_2xx: answers with status 400 or above, as wrk counts them (its Non-2xx or 3xx responses); every run had to have none, and no socket error",
				"app_cpu_us_per_request, fake_cobo_cpu_us_per_request, wrk_cpu_us_per_request: user + system CPU time of that process during the run, per request",
				"machine_busy_percent: the whole machine during the run, in percent of all cores; not_ours_cpu_percent: the part of it not used by the processes the script started and wrk, which includes the kernel work for loopback traffic, so it is not zero on a quiet machine",
				"load averages count the threads of this benchmark too: a load above the number of cores during the run is expected",
				"wrk 4.1 measures latency without correcting for coordinated omission"
			],
			summary: {
				starter: summary("starter"),
				plain: summary("plain"),
				throughput_starter_to_plain: (summary("starter").requests_per_second_mean / summary("plain").requests_per_second_mean)
			},
			runs: map(select(.phase == "measured")),
			warmup: map(select(.phase == "warmup"))
		}' "$WORK/runs.jsonl" >"$OUT"
}

print_summary() {
	jq -r '
		"",
		"End-to-end, \(.machine.cores) cores shared by wrk, both applications and the fake Cobo; wrk -t\(.settings.wrk_threads) -c\(.settings.connections), \(.settings.rounds) rounds of \(.settings.round_seconds) s each",
		"before: \(.machine.busy_percent_before)% busy, load average \(.machine.load_average_before); after: load average \(.machine.load_average_after); at most \([.runs[].not_ours_cpu_percent] | max | floor)% of the machine went to other processes during a run",
		(.summary | "starter: \(.starter.requests_per_second_mean | floor) requests/s, p99 \(.starter.p99_ms_mean * 100 | round / 100) ms (mean of rounds), app CPU \(.starter.app_cpu_us_per_request_mean | floor) us/request",
		            "plain:   \(.plain.requests_per_second_mean | floor) requests/s, p99 \(.plain.p99_ms_mean * 100 | round / 100) ms (mean of rounds), app CPU \(.plain.app_cpu_us_per_request_mean | floor) us/request",
		            "starter throughput / plain: \(.throughput_starter_to_plain * 1000 | round / 1000)")' "$OUT"
	note "results in $OUT"
}

main() {
	check_prerequisites
	rm -rf "$WORK"
	mkdir -p "$WORK" "$(dirname "$OUT")"
	trap stop_started_processes EXIT
	trap 'exit 130' INT TERM

	local started load_before busy_before
	started=$(date -u +%Y-%m-%dT%H:%M:%SZ)
	load_before=$(load_average)
	busy_before=$(machine_busy_percent)
	note "before: load average $load_before, ${busy_before}% of $(nproc) cores busy"
	if ((busy_before >= 15)); then
		note "WARNING: the machine is already busy; whatever else runs takes CPU from wrk and the applications"
	fi

	start_fake_cobo
	start_starter_app
	start_plain_app
	wait_until_answers starter "$STARTER_PORT" "$STARTER_PID"
	wait_until_answers plain "$PLAIN_PORT" "$PLAIN_PID"
	cmp -s "$WORK/first-answer-starter.json" "$WORK/first-answer-plain.json" \
		|| fail "the two applications answer different bodies; see $WORK/first-answer-*.json"

	write_wrk_script
	note "warm-up: ${WARMUP}s of wrk per application"
	run_wrk starter warmup 0 "$WARMUP"
	run_wrk plain warmup 0 "$WARMUP"
	note "measuring: $ROUNDS rounds of ${DURATION}s per application, alternating"
	measure

	write_results "$started" "$load_before" "$(load_average)" "$busy_before"
	print_summary
}

main "$@"
