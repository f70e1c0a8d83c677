#!/bin/sh
# Shows: `make debug` starts QEMU halted with a GDB stub and GDB, with
# Warden's symbols, stops at warden_main and can read Warden's state.
# Cannot show: an interactive session (this one is scripted with -batch).
# Prints why and exits 1 on failure; $1 is the log file.
log=$1
script=$log.gdb
printf 'bt\nprint/x $cr0\nkill\n' > "$script"
GDB_PORT=$((20000 + $$ % 10000)) GDB_ARGS="-batch -x $script" \
	timeout 60 make -s debug > "$log" 2>&1
grep -q "Breakpoint 1, warden_main" "$log" || { echo "GDB did not stop at warden_main (log: $log)"; exit 1; }
grep -q "^#0  warden_main" "$log" || { echo "no backtrace from warden_main (log: $log)"; exit 1; }
grep -q '^\$1 = 0x800100[0-9a-f][0-9a-f]' "$log" || { echo "CR0 does not show paging on (log: $log)"; exit 1; }
