#!/bin/sh
# qemu-run.sh - boot Warden under QEMU, the one place that knows how.
#
#   qemu-run.sh [-a APPEND] [-c ISO] [-t SECONDS] [-g PORT] [-i INPUT] [-e FILE] [-k] KERNEL [MODULE...]
#
# Each MODULE is a file name optionally followed by its command line, as
# one argument ("build/guest.elf name=g1 mem=8M").  QEMU passes modules as
# one comma-separated -initrd list, so a comma inside a command line is
# doubled here.  With -c, boot the GRUB image ISO instead of -kernel.
#   -t  stop after SECONDS (exit status 124, as timeout(1) says)
#   -g  start halted with a GDB stub on PORT
#   -i  type INPUT on the serial port: printf "$INPUT" is QEMU's standard
#       input (so \001 is Ctrl-A, and % must be doubled)
#   -e  write what goes out of the second serial port (COM2, where the
#       monitor streams its events) to FILE; $QEMU_COM2 does the same.
#       Without either, COM2 is not connected.
#   -k  use KVM if it really runs Warden here (a probe boot under KVM must
#       end with Warden's exit status; the verdict is kept in
#       build/kvm-probe); TCG otherwise.  Tests never use it.
# $QEMU_CPU replaces the CPU model (default qemu32,+nx), $QEMU_MEMORY the
# memory size (default 128M); $QEMU_ICOUNT set runs with -icount.
# The exit status is QEMU's: see arch/x86_32/exit_status.h.
set -eu

append="" iso="" seconds="" gdb_port="" input="" want_kvm="" com2=${QEMU_COM2:-}
while getopts "a:c:t:g:i:e:k" opt; do
	case $opt in
	a) append=$OPTARG ;;
	c) iso=$OPTARG ;;
	t) seconds=$OPTARG ;;
	g) gdb_port=$OPTARG ;;
	i) input=$OPTARG ;;
	e) com2=$OPTARG ;;
	k) want_kvm=1 ;;
	*) echo "usage: $0 [-a APPEND] [-c ISO] [-t SECONDS] [-g PORT] [-i INPUT] [-e FILE] [-k] KERNEL [MODULE...]" >&2; exit 2 ;;
	esac
done
shift $((OPTIND - 1))
[ $# -ge 1 ] || [ -n "$iso" ] || { echo "$0: no kernel given" >&2; exit 2; }

# -cpu qemu32,+nx: PAE and NX.  isa-debug-exit: Warden's exit status.
set -- "$@"
args="-cpu ${QEMU_CPU:-qemu32,+nx} -m ${QEMU_MEMORY:-128M} -no-reboot -display none -serial stdio
-device isa-debug-exit,iobase=0xf4,iosize=0x04"
# The second -serial is COM2.  (A file name with a space would split here.)
[ -z "$com2" ] || args="$args -serial file:$com2"
# $QEMU_ICOUNT: the TSC counts instructions, the same in every run (bench).
[ -z "${QEMU_ICOUNT:-}" ] || args="$args -icount shift=0,sleep=off"

# Some /dev/kvm (nested, in software) fail 32-bit protected-mode int/iret
# with "KVM internal error": so KVM is used only after it has booted
# Warden to its exit status once.
kvm_works() {
	probe=build/kvm-probe
	if [ ! -f "$probe" ]; then
		status=0
		[ -w /dev/kvm ] && { timeout 20 qemu-system-i386 $args -enable-kvm \
			-kernel build/warden.elf >/dev/null 2>&1 || status=$?; }
		echo "$status" > "$probe"
	fi
	[ "$(cat "$probe")" = 33 ]
}

accel="-accel tcg"
if [ -n "$want_kvm" ]; then
	if kvm_works; then
		accel="-enable-kvm"
	else
		echo "qemu-run: KVM cannot run Warden here; using TCG" >&2
	fi
fi

initrd=""
if [ -z "$iso" ]; then
	kernel=$1
	shift
	for m in "$@"; do
		m=$(printf '%s' "$m" | sed 's/,/,,/g')
		initrd="${initrd:+$initrd,}$m"
	done
fi

run() {
	[ -z "$seconds" ] || set -- timeout --foreground "$seconds" "$@"
	if [ -n "$input" ]; then
		# shellcheck disable=SC2059
		printf "$input" | "$@"
	else
		"$@"
	fi
}

debug=""
[ -z "$gdb_port" ] || debug="-S -gdb tcp::$gdb_port"

if [ -n "$iso" ]; then
	# shellcheck disable=SC2086
	run qemu-system-i386 $args $accel $debug -cdrom "$iso" -boot d
elif [ -n "$initrd" ]; then
	# shellcheck disable=SC2086
	run qemu-system-i386 $args $accel $debug -kernel "$kernel" -initrd "$initrd" -append "$append"
else
	# shellcheck disable=SC2086
	run qemu-system-i386 $args $accel $debug -kernel "$kernel" -append "$append"
fi
