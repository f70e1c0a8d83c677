#!/bin/sh
# boot-test.sh - run one boot scenario and judge it.
#
#   boot-test.sh tests/boot/NAME/test.conf LOG
#
# The scenario file is shell that sets (see tests/boot/README.md):
#   append   Warden's command line
#   modules  one module per line: a file, then its command line
#   iso      boot this GRUB image instead of -kernel (modules then come
#            from the image)
#   status   the exact QEMU exit status expected
#   expect   lines that must each appear in the serial log (fixed strings)
#   absent   lines that must not appear
#   check    optionally, a function given the log: one more oracle
#   seconds  the time limit (default 30)
#   cpu      QEMU's CPU model, if not the default qemu32,+nx
#   memory   QEMU's memory size, if not the default 128M
#   input    bytes typed on the serial port (printf's format)
#   com2     set (to anything) to keep what goes out of COM2: it is then the
#            name of that file ($LOG.com2), for check() to read
# Prints nothing and exits 0 on a pass; prints why and exits 1 otherwise.
set -u

conf=$1 log=$2
append="" modules="" iso="" status="" expect="" absent="" seconds=30 cpu="" memory="" input=""
com2=""
check() { return 0; }
. "./$conf"
if [ -n "$com2" ]; then
	com2=$log.com2
	rm -f "$com2"
fi
[ -z "$cpu" ] || export QEMU_CPU="$cpu"
[ -z "$memory" ] || export QEMU_MEMORY="$memory"

set --
while IFS= read -r m; do
	[ -z "$m" ] || set -- "$@" "$m"
done <<EOF_MODULES
$modules
EOF_MODULES

if [ -n "$iso" ]; then
	QEMU_COM2=$com2 tools/qemu-run.sh -t "$seconds" -i "$input" -c "$iso" > "$log.raw" 2>&1
else
	QEMU_COM2=$com2 tools/qemu-run.sh -t "$seconds" -i "$input" -a "$append" \
		build/warden.elf "$@" > "$log.raw" 2>&1
fi
got=$?
# GRUB paints the serial line with ANSI escapes; lines end in \r\n.
sed 's/\x1b\[[0-9;?]*[a-zA-Z]//g; s/\r$//' "$log.raw" > "$log"
rm -f "$log.raw"

if [ "$got" = 124 ]; then
	echo "timed out after ${seconds}s (log: $log)"
	exit 1
fi
if [ "$got" != "$status" ]; then
	echo "exit status $got, expected $status (log: $log)"
	exit 1
fi
missing=$(printf '%s\n' "$expect" | while IFS= read -r line; do
	[ -z "$line" ] || grep -qF -- "$line" "$log" || echo "$line"
done)
if [ -n "$missing" ]; then
	echo "missing line \"$(echo "$missing" | head -1)\" (log: $log)"
	exit 1
fi
present=$(printf '%s\n' "$absent" | while IFS= read -r line; do
	[ -z "$line" ] || ! grep -qF -- "$line" "$log" || echo "$line"
done)
if [ -n "$present" ]; then
	echo "unexpected line \"$(echo "$present" | head -1)\" (log: $log)"
	exit 1
fi
if ! why=$(check "$log"); then
	echo "check failed: ${why:-no reason given} (log: $log)"
	exit 1
fi
exit 0
