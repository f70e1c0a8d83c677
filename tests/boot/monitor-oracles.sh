# monitor-oracles.sh - checks the monitor-* scenarios share.  A test.conf
# sources this file (after oracles.sh if it wants those too).
#
#   symbol ELF NAME       the address of NAME in ELF, as 0x..., for a rule
#                         or a watch on the monitor's command line
#   plus ADDR N           ADDR + N, as 0x...
#   jsonl FILE KEY...     every line of FILE is one JSON object, flat (its
#                         values strings, numbers, true, false or null),
#                         with each KEY; prints one line per object: the
#                         values of the KEYs, space-separated, strings
#                         without their quotes.  Fails, saying where, at
#                         the first line that is not so.

symbol() {
	i686-linux-gnu-nm "$1" | awk -v name="$2" '$3 == name { print "0x" $1; found = 1 }
		END { exit !found }'
}

plus() {
	printf '0x%x\n' $(($1 + $2))
}

# A parser, not a pattern match: each value and separator is taken in
# turn, so a line with anything out of place fails.
jsonl() {
	file=$1
	shift
	[ -s "$file" ] || { echo "$file is empty or missing"; return 1; }
	awk -v keys="$*" '
	function fail(why) { printf "%s line %d: %s: %s\n", FILENAME, NR, why, $0; bad = 1; exit 1 }
	function take(re) {
		if (!match(s, re)) return 0
		tok = substr(s, 1, RLENGTH); s = substr(s, RLENGTH + 1); return 1
	}
	function space() { take("^[ \t]*") }
	{
		s = $0; split("", val)
		space(); if (!take("^[{]")) fail("no {")
		space()
		if (!take("^[}]")) for (;;) {
			space()
			if (!take("^\"([^\"\\\\[:cntrl:]]|\\\\[\"\\\\/bfnrt]|\\\\u[0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F])*\"")) fail("no key")
			k = substr(tok, 2, length(tok) - 2)
			if (k in val) fail("key " k " twice")
			space(); if (!take("^:")) fail("no : after " k)
			space()
			if (take("^\"([^\"\\\\[:cntrl:]]|\\\\[\"\\\\/bfnrt]|\\\\u[0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F])*\""))
				tok = substr(tok, 2, length(tok) - 2)
			else if (!take("^-?(0|[1-9][0-9]*)([.][0-9]+)?([eE][-+]?[0-9]+)?") &&
				 !take("^(true|false|null)"))
				fail("no value for " k)
			val[k] = tok
			space()
			if (take("^[}]")) break
			if (!take("^,")) fail("no , or } after " k)
		}
		space(); if (s != "") fail("more after }")
		n = split(keys, want, " "); out = ""
		for (i = 1; i <= n; i++) {
			if (!(want[i] in val)) fail("no key " want[i])
			out = out (i > 1 ? " " : "") val[want[i]]
		}
		print out
	}' "$file"
}
