#!/bin/sh
# debug.sh - QEMU halted at its first instruction with a GDB stub, and GDB
# attached with Warden's symbols, stopped at warden_main.
#
#   debug.sh KERNEL [MODULE...]
#
# Extra GDB arguments come from $GDB_ARGS (for example
# GDB_ARGS="-batch -ex bt" for a scripted run).  The port is $GDB_PORT,
# default 1234; use a distinct one per parallel run.
set -eu

kernel=$1
port=${GDB_PORT:-1234}
dir=$(dirname "$0")
"$dir/qemu-run.sh" -g "$port" "$@" > build/debug-serial.log 2>&1 &
qemu=$!
trap 'kill $qemu 2>/dev/null || true' EXIT INT TERM
echo "debug: QEMU pid $qemu, serial output in build/debug-serial.log"
# shellcheck disable=SC2086
gdb -q "$kernel" -ex "target remote :$port" -ex "break warden_main" \
	-ex "continue" ${GDB_ARGS:-}
