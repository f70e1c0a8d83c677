#!/bin/sh
# install-deps.sh - install the Debian packages Warden needs, and nothing
# else (--no-install-recommends).  Idempotent: installs only what is missing,
# and runs apt-get update only when something is.  Uses sudo when not root.
#
# Never add gcc-multilib: it removes the i686 cross compiler.
set -eu

PACKAGES="make gcc libc6-dev gcc-i686-linux-gnu binutils-i686-linux-gnu
qemu-system-x86 grub-pc-bin grub-common xorriso gdb clang
libclang-rt-14-dev libcapstone-dev libc6-dev-i386-cross parallel gnuplot-nox"

missing=""
for p in $PACKAGES; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed"; then
		missing="$missing $p"
	fi
done

if [ -z "$missing" ]; then
	echo "deps: all installed"
	exit 0
fi

as_root=""
[ "$(id -u)" -eq 0 ] || as_root="sudo"
echo "deps: installing$missing"
$as_root apt-get update -q
DEBIAN_FRONTEND=noninteractive $as_root apt-get install -y -q --no-install-recommends $missing
