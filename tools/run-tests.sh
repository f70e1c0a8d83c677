#!/bin/sh
# run-tests.sh - every test Warden has, one verdict line each, and a total.
#
#   run-tests.sh [PATTERN]      (only tests whose name contains PATTERN)
#
# Three kinds of test, all built beforehand by `make test`:
#   unit/...   host programs (build/unit/test_*): each prints one
#              "ok unit/<file>/<case>" or "FAIL ..." line per case.
#   fuzz/...   each libFuzzer target for $FUZZ_SHORT seconds (default 5).
#   boot/...   Warden under QEMU, one scenario per tests/boot/*/test.conf,
#              judged by QEMU's exact exit status AND lines on the serial
#              port (see tests/boot/README.md).
# Logs go to build/test-logs/.  The last line is "N passed, N failed";
# the exit status is 1 if anything failed.
set -u

pattern=${1:-}
logs=build/test-logs
mkdir -p "$logs"
passed=0
failed=0

pass() { passed=$((passed + 1)); echo "ok $1"; }
fail() { failed=$((failed + 1)); echo "FAIL $1${2:+: $2}"; }
wanted() { case $1 in *"$pattern"*) return 0 ;; *) return 1 ;; esac; }

# A unit binary's own lines are the verdicts; a crash or a non-zero exit
# without a FAIL line is a failure of the binary itself.
run_unit() {
	name=$(basename "$1")
	log=$logs/unit-$name.log
	"$1" > "$log" 2>&1
	status=$?
	cat "$log" | grep -E '^(ok|FAIL) ' | while read -r verdict case; do
		echo "$verdict $case"
	done
	ok=$(grep -c '^ok ' "$log")
	bad=$(grep -c '^FAIL ' "$log")
	passed=$((passed + ok))
	failed=$((failed + bad))
	if [ "$status" -ne 0 ] && [ "$bad" -eq 0 ]; then
		fail "unit/$name" "exit status $status (see $log)"
	elif [ "$ok" -eq 0 ] && [ "$bad" -eq 0 ]; then
		fail "unit/$name" "no case ran"
	fi
	[ "$bad" -eq 0 ] || sed -n '/^  /p' "$log"
}

run_fuzz() {
	name=$(basename "$1")
	log=$logs/fuzz-$name.log
	if "$1" -max_total_time="${FUZZ_SHORT:-5}" -artifact_prefix=build/fuzz/crash-"$name"- \
		> "$log" 2>&1; then
		pass "fuzz/$name"
	else
		fail "fuzz/$name" "found a failing input (see $log)"
	fi
}

for bin in build/unit/test_*; do
	[ -x "$bin" ] && wanted "unit/$(basename "$bin")" && run_unit "$bin"
done
for bin in build/fuzz/fuzz_*; do
	[ -x "$bin" ] && wanted "fuzz/$(basename "$bin")" && run_fuzz "$bin"
done
for conf in tests/boot/*/test.conf; do
	name=boot/$(basename "$(dirname "$conf")")
	wanted "$name" || continue
	if verdict=$(tools/boot-test.sh "$conf" "$logs/$(echo "$name" | tr / -).log"); then
		pass "$name"
	else
		fail "$name" "$verdict"
	fi
done
for t in tests/tools/*.sh; do
	name=tools/$(basename "$t" .sh)
	wanted "$name" || continue
	if verdict=$("$t" "$logs/$(echo "$name" | tr / -).log"); then
		pass "$name"
	else
		fail "$name" "$verdict"
	fi
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
