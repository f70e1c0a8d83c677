#!/bin/sh
# bench.sh - what Warden's paths cost, in instructions.
#
# The bench guest (guest/bench) measures each operation with rdtsc under
# QEMU's -icount shift=0,sleep=off, where the TSC counts executed
# instructions -- Warden's included -- so every figure is the same from run
# to run.  Each row is printed next to its baseline and the ratio:
#   xen     Xen 4.23-unstable with a 32-bit PV guest under the same QEMU
#           -icount, as issue 4 gives them (Warden should beat each one)
# The figures also go to build/bench.csv (name,value,unit,baseline,ratio).
set -eu

out=build/bench.csv
log=build/bench.log

xen_baseline() {
	case $1 in
	null_hypercall) echo 253 ;;
	update_va_mapping_invlpg) echo 993 ;;
	yield_one_domain) echo 1877 ;;
	forced_cpuid) echo 388 ;;
	*) echo "" ;;
	esac
}

QEMU_ICOUNT=1 tools/qemu-run.sh -t 300 build/warden.elf build/guests/bench.elf > "$log" 2>&1 || true
figures=$(sed -n 's/^\[bench\] bench \([a-z_0-9]*\) \([0-9]*\)\r*$/\1 \2/p' "$log")
[ -n "$figures" ] || { echo "bench: the bench guest printed no figures (see $log)" >&2; exit 1; }

echo "name,value,unit,baseline,ratio" > "$out"
printf '%-28s %12s %12s %8s  %s\n' "operation" "instructions" "baseline" "ratio" "baseline is"
echo "$figures" | while read -r name value; do
	base=$(xen_baseline "$name")
	if [ -n "$base" ]; then
		ratio=$(awk -v a="$value" -v b="$base" 'BEGIN { printf "%.2f", a / b }')
		printf '%-28s %12s %12s %7sx  %s\n' "$name" "$value" "$base" "$ratio" "Xen"
	else
		ratio=""
		printf '%-28s %12s %12s %8s  %s\n' "$name" "$value" "-" "-" "(none)"
	fi
	echo "$name,$value,instructions,$base,$ratio" >> "$out"
done
echo "figures in $out"
