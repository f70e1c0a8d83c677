# watch-oracles.sh - checks the watch-* scenarios share.  A test.conf
# sources this file and calls them from its check(); each prints why and
# fails, or is silent (as oracles.sh).
#
# The scenarios run tests/guest/mon-test, which ends (count=N) with the
# line "[NAME] stats: events E allowed A ..." (MONITOR_OP_stats), and
# tests/guest/watch-writer, which ends with "[NAME] writes N allowed A
# denied D faulted F values V".
#
#   stat LOG KEY                the number after the word KEY in the
#                               (first) stats line
#   writers LOG KEY             the sum of the numbers after KEY over
#                               every writer's line
#   lines LOG TEXT              how many lines contain TEXT
#   same WHAT GOT WANT          GOT = WANT, or say what WHAT was
#   at_least WHAT GOT MIN       GOT >= MIN, or say so

# The number after the word KEY in a line of words (stdin).
value_of() {
	awk -v key="$1" '{ for (i = 1; i < NF; i++) if ($i == key) print $(i + 1) }'
}

stat() {
	grep -F '] stats: events ' "$1" | head -1 | value_of "$2"
}

writers() {
	grep -E '^\[[^]]*\] writes [0-9]+ allowed ' "$1" | value_of "$2" |
		awk '{ sum += $1 } END { print sum + 0 }'
}

lines() {
	grep -cF -- "$2" "$1"
}

same() {
	[ "$2" = "$3" ] || { echo "$1: $2, expected $3"; return 1; }
}

at_least() {
	[ -n "$2" ] && [ "$2" -ge "$3" ] || { echo "$1: ${2:-none}, expected at least $3"; return 1; }
}
