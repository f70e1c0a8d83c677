# oracles.sh - checks that several scenarios share.  A test.conf sources
# this file and calls them from its check() (tests/boot/README.md); each
# prints why and fails, or is silent.
#
#   in_order LOG LINE...        the fixed strings appear in LOG in this
#                               order (the first occurrence of each comes
#                               after the first occurrence of the one before)
#   cpu_ms LOG DOMAIN MIN MAX   the line "domain DOMAIN: ran X ms of CPU
#                               time" (DOMAIN as "1 (name)") has
#                               MIN <= X <= MAX whole milliseconds

in_order() {
	log=$1 last=0 prev=""
	shift
	for line in "$@"; do
		n=$(grep -nF -m1 -- "$line" "$log" | cut -d: -f1)
		if [ -z "$n" ]; then
			echo "\"$line\" is missing"
			return 1
		fi
		if [ "$n" -le "$last" ]; then
			echo "\"$line\" comes before \"$prev\""
			return 1
		fi
		last=$n prev=$line
	done
}

cpu_ms() {
	ms=$(grep -F -- "domain $2: ran " "$1" |
		sed -n 's/.*: ran \([0-9]*\)\.[0-9]* ms of CPU time$/\1/p')
	if [ -z "$ms" ]; then
		echo "no CPU time for domain $2"
		return 1
	fi
	if [ "$ms" -lt "$3" ] || [ "$ms" -gt "$4" ]; then
		echo "domain $2 ran $ms ms of CPU time, expected $3 to $4"
		return 1
	fi
}
