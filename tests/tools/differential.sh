#!/bin/sh
# Shows: the test kernel's page-table workload -- and its CPU-bound and
# system-call loops -- give the same checksums on a bare CPU and on
# Warden: the same memory contents, and the same accessed and dirty bits
# observed in the same order (guest/kernel/prog_ptheavy.c).  The native
# run is the oracle; its kernel is the same code linked with the native
# backend (guest/kernel/native.mk).
# Cannot show: that the native run is right by itself (that is QEMU's
# paging, and the workload's own checks), or anything about speed.
# Prints why and exits 1 on failure; $1 is the log file.
log=$1
programs="ptheavy cpu syscalls"
native=build/native/kernel.elf

fail() {
	echo "$* (log: $log)"
	exit 1
}

for f in "$native" build/guests/kernel.elf build/warden.elf; do
	[ -f "$f" ] || { echo "$f is missing (is guest/kernel/native.mk included?)"; exit 1; }
done

tools/qemu-run.sh -t 60 -a "$programs" "$native" > "$log.native" 2>&1
native_status=$?
tools/qemu-run.sh -t 60 build/warden.elf "build/guests/kernel.elf name=kernel $programs" \
	> "$log.warden" 2>&1
warden_status=$?
{ echo "--- native (status $native_status)"; cat "$log.native";
  echo "--- Warden (status $warden_status)"; cat "$log.warden"; } > "$log"

sums() {
	tr -d '\r' < "$1" | sed -n "s/^$2\(checksum .*\)$/\1/p"
}
sums "$log.native" "" > "$log.native.sums"
sums "$log.warden" '\[kernel\] ' > "$log.warden.sums"

native_pass=$(grep -c '^Test result: PASS' "$log.native")
warden_pass=$(grep -cF '[kernel] Test result: PASS' "$log.warden")
[ "$native_status" = 33 ] && [ "$native_pass" = 1 ] ||
	fail "the native run failed (status $native_status): the kernel or the test is broken"
[ -s "$log.native.sums" ] || fail "the native run printed no checksums"
[ "$warden_status" != 124 ] || fail "Warden's run timed out"
if ! cmp -s "$log.native.sums" "$log.warden.sums"; then
	first=$(paste -d '|' "$log.native.sums" "$log.warden.sums" |
		awk -F '|' '$1 != $2 { print "native \"" $1 "\", Warden \"" $2 "\""; exit }')
	fail "checksums differ: $first"
fi
[ "$warden_status" = 33 ] && [ "$warden_pass" = 1 ] ||
	fail "same checksums, but Warden's run ended with status $warden_status, not a pass"
rm -f "$log.native" "$log.warden" "$log.native.sums" "$log.warden.sums"
