#!/usr/bin/env bash
# portal-app in Spring AOT mode on the JVM, as a native image would run it: starts the standalone
# Cobo simulator (the jar has no simulator of its own), builds the jar with -Pnative (Spring Boot's
# process-aot, told that an app key and an API key will be given), starts it with
# -Dspring.aot.enabled=true on a free port against that simulator, and checks two of the curl lines
# it logs: org-acme's wallets (200) and org-initech, which did not install the app (403
# problem+json). Then checks that a cobo.* choice the build did not make, --cobo.token-store.type=jdbc,
# stops the startup instead of being ignored. Stops both and exits non-zero on any failure.
#
#   samples/portal-app/aot-smoke.sh        # arguments are passed to Maven, e.g. -o to build offline
#
# Not part of ./mvnw verify or CI: the AOT build takes about a minute.
set -euo pipefail
cd "$(dirname "$0")/../.."

jar=samples/portal-app/target/portal-app.jar
simulator_jar=cobo-oauth-test/target/cobo-oauth-simulator.jar
log=$(mktemp)
simulator_log=$(mktemp)
app=
simulator=

stop() {
	if [ -n "$app" ] && kill -0 "$app" 2>/dev/null; then
		kill "$app"
		wait "$app" 2>/dev/null || true
	fi
	app=
}
stop_simulator() {
	if [ -n "$simulator" ] && kill -0 "$simulator" 2>/dev/null; then
		kill "$simulator"
		wait "$simulator" 2>/dev/null || true
	fi
	simulator=
}
trap 'stop; stop_simulator; rm -f "$log" "$simulator_log"' EXIT

fail() {
	echo "aot-smoke: FAILED: $*" >&2
	echo "--- application log ---" >&2
	cat "$log" >&2
	exit 1
}

echo "aot-smoke: building the standalone Cobo simulator"
./mvnw -B -q -pl cobo-oauth-test -am package -DskipTests "$@"
java -jar "$simulator_jar" --port=0 --client-id=sample-portal-app --org-ids=org-acme,org-globex --api-key \
	>"$simulator_log" 2>&1 &
simulator=$!
for _ in $(seq 1 60); do
	grep -q '^app-args: ' "$simulator_log" && break
	kill -0 "$simulator" 2>/dev/null || { cat "$simulator_log" >&2; fail "the simulator stopped before it listened"; }
	sleep 1
done
read -r -a app_args <<<"$(sed -n 's/^app-args: //p' "$simulator_log" | head -n 1)"
[ "${#app_args[@]}" -gt 0 ] || fail "the simulator printed no app-args line within 60 s"

echo "aot-smoke: building portal-app with -Pnative (process-aot), with an app key and an API key"
# Ahead of time only the choices count (keys set or not), not their values: any placeholder serves.
./mvnw -B -q -Pnative -pl samples/portal-app -am package -DskipTests "$@" \
	-Dspring-boot.aot.jvmArguments="-Dcobo.app.client-id=sample-portal-app -Dcobo.app.private-key-location=file:/aot/app-key -Dcobo.api-key.private-key-location=file:/aot/api-key"

echo "aot-smoke: starting it with -Dspring.aot.enabled=true against the simulator"
# Port 0: the server takes a free port, which the app then logs in its curl lines.
java -Dspring.aot.enabled=true -jar "$jar" --server.port=0 "${app_args[@]}" >"$log" 2>&1 &
app=$!
for _ in $(seq 1 120); do
	grep -q 'Portal sample on http://localhost:' "$log" && break
	kill -0 "$app" 2>/dev/null || fail "the application stopped before it listened"
	sleep 1
done
url=$(grep -o 'Portal sample on http://localhost:[0-9]*' "$log" | head -n 1 | sed 's/^Portal sample on //')
[ -n "$url" ] || fail "the application did not log its URL within 120 s"
grep -q 'Starting AOT-processed PortalApplication' "$log" || fail "the application did not start in AOT mode"

wallets=$(curl -s -w '\n%{http_code}' "$url/orgs/org-acme/wallets?limit=2&wallet_type=Custodial")
echo "GET $url/orgs/org-acme/wallets?limit=2&wallet_type=Custodial"
echo "$wallets"
[ "$(tail -n 1 <<<"$wallets")" = 200 ] || fail "org-acme's wallets did not answer 200"
grep -q '"wallet_type":"Custodial"' <<<"$wallets" || fail "org-acme's wallets hold no custodial wallet"

problem=$(curl -s -w '\n%{http_code} %{content_type}' "$url/orgs/org-initech/wallets")
echo "GET $url/orgs/org-initech/wallets"
echo "$problem"
[ "$(tail -n 1 <<<"$problem")" = '403 application/problem+json' ] \
	|| fail "org-initech did not answer 403 application/problem+json"
grep -q '"oauth_error":"unauthorized_client"' <<<"$problem" || fail "org-initech's problem names no unauthorized_client"
stop

echo "aot-smoke: starting it with --cobo.token-store.type=jdbc, which the build did not choose"
# A timeout, so that an application which starts anyway, or hangs, fails the script rather than holds it.
if timeout 120 java -Dspring.aot.enabled=true -jar "$jar" --server.port=0 "${app_args[@]}" --cobo.token-store.type=jdbc \
	--cobo.token-store.encryption-key=6b1d0c4e9a8f7e6d5c4b3a2918070605f4e3d2c1b0a99887766554433221100f >"$log" 2>&1; then
	fail "the application started with a token store its build did not choose"
fi
grep -q 'cobo.token-store.type is jdbc here, but memory when the application was processed ahead of time' "$log" \
	|| fail "the refused startup does not name cobo.token-store.type"
grep -A 3 '^Description:' "$log"

echo "aot-smoke: OK"
