#!/bin/sh
# demo.sh - the demo `make run` shows: a monitor guards a kernel's
# system-call table, and a program's attack on it fails.
#
#   demo.sh [-a APPEND] [-e FILE] [-s] [-t SECONDS]
#
# Boots Warden with two domains: the monitor (guest/monitor), and the test
# kernel (guest/kernel) with the word "protect" -- it has Warden watch its
# system-call table and its log level -- running the exploit (through the
# kernel's deliberately vulnerable poke system call) beside a normal
# workload.  The monitor's policy, from the kernel's own symbols: writes to
# the log level are allowed, writes to the table denied.  The console
# tells the story; the monitor streams every event as JSON lines on COM2,
# into FILE (default build/events.jsonl).  What is typed goes to the
# monitor's shell (help lists its commands).
#   -a  adds to Warden's command line   -t  stops after SECONDS
#   -s  keeps the monitor and its shell when the story is over, until
#       `quit` is typed (the monitor's word `stay`)
# Needs build/warden.elf and build/guests/{monitor,kernel}.elf (`make`).
# Exits 0 when Warden ran to its end (QEMU's 33), else with QEMU's status.
set -eu

append="" events=build/events.jsonl seconds="" stay=""
while getopts "a:e:st:" opt; do
	case $opt in
	a) append=$OPTARG ;;
	e) events=$OPTARG ;;
	s) stay=" stay" ;;
	t) seconds=$OPTARG ;;
	*) echo "usage: $0 [-a APPEND] [-e FILE] [-s] [-t SECONDS]" >&2; exit 2 ;;
	esac
done

warden=build/warden.elf monitor=build/guests/monitor.elf kernel=build/guests/kernel.elf
for f in "$warden" "$monitor" "$kernel"; do
	[ -f "$f" ] || { echo "demo: $f is missing: run make first" >&2; exit 2; }
done

# The address of a symbol of the kernel, as 0x...
symbol() {
	addr=$(i686-linux-gnu-nm "$kernel" | awk -v name="$1" '$3 == name { print $1 }')
	[ -n "$addr" ] || { echo "demo: no symbol $1 in $kernel" >&2; exit 2; }
	echo "0x$addr"
}
table=$(symbol syscall_table)
level=$(symbol log_level)
table_end=$(printf '0x%x' $((table + 4095)))
level_end=$(printf '0x%x' $((level + 3)))

policy="rule=kernel:v$level-$level_end:w:allow rule=kernel:v$table-$table_end:w:deny default=deny"
mkdir -p "$(dirname "$events")"
echo "demo: the monitor's policy: $policy"
status=0
tools/qemu-run.sh ${seconds:+-t "$seconds"} -e "$events" -a "$append" "$warden" \
	"$monitor monitor$stay $policy" \
	"$kernel name=kernel protect exploit hello ping pong cpu" || status=$?
echo "demo: the monitor's event stream (one JSON object a line) is in $events"
[ "$status" -eq 33 ] && exit 0
echo "demo: QEMU exited with status $status (see arch/x86_32/exit_status.h)"
exit "$status"
