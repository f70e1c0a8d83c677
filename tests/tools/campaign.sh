#!/bin/sh
# Shows: the campaign runner (tools/campaign.sh) classifies runs rightly
# where the outcome is known: a flip in the checked checksum buffer
# (watch 1) is DETECTED; a dropped write to the stamp nobody reads
# (watch 4) is OK; a flipped low bit in the sort's array that keeps it in
# order is SDC; a flip in the key-value table's zeroing that no key meets
# is OK; random bytes over the kernel's code page, the writing
# instruction included, kill the kernel before its outcome (GUEST_CRASH);
# a spec the monitor refuses is BAD_SPEC.  The same spec twice
# gives the same instruction count and the same event stream (-icount);
# results.csv has a row a run; the plot is made; a second invocation
# resumes with nothing to do.
# Cannot show: HANG or WARDEN_PANIC (no fault here makes one, and a
# time limit short enough to cut a run would depend on the host's
# speed), nor a campaign over several machines.
# Prints why and exits 1 on failure; $1 is the log file.
log=$1
dir=$log.d
specs=$log.specs
rm -rf "$dir"

fail() {
	echo "$* (log: $log)"
	exit 1
}

cat > "$specs" <<'EOF_SPECS'
01 1:flip=3:nth=5:seed=7
02 1:flip=31:nth=1
03 1:flip=0:nth=33
04 1:stuck1=0xffffffff:nth=12
05 1:drop:nth=20
06 4:drop:nth=1
07 4:drop:nth=2
08 4:drop:nth=3
09 4:flip=7:nth=2
10 2:flip=0:nth=3
11 3:flip=5:nth=20
12 1:flip=3:nth=5:seed=7
13 4:value=0x1234:window=1-3
14 1:flop:nth=1
15 1:corrupt=v0xc0001000+4096:nth=1:seed=1
EOF_SPECS
want="01 DETECTED
02 DETECTED
03 DETECTED
04 DETECTED
05 DETECTED
06 OK
07 OK
08 OK
09 OK
10 SDC
11 OK
12 DETECTED
13 OK
14 BAD_SPEC
15 GUEST_CRASH"

tools/campaign.sh -s "$specs" -o "$dir" -t 30 > "$log" 2>&1 || fail "the campaign failed"
[ -s "$dir/outcomes.png" ] || fail "no plot"
[ "$(wc -l < "$dir/results.csv")" = 16 ] || fail "results.csv has not 15 rows and a header"
got=$(tail -n +2 "$dir/results.csv" | cut -d, -f3 | paste -d ' ' "$specs" - |
	awk '{ print $1, $3 }')
[ "$got" = "$want" ] || fail "outcomes: $(echo "$got" | tr '\n' '|')"
a=$(sed -n 2p "$dir/results.csv" | cut -d, -f4) b=$(sed -n 13p "$dir/results.csv" | cut -d, -f4)
[ "$a" = "$b" ] && [ "$a" -gt 1000000 ] ||
	fail "the same spec ran $a and $b instructions"
cmp -s "$dir/logs/01.jsonl" "$dir/logs/12.jsonl" || fail "the same spec gave two event streams"
grep -q '"fault":"flip=3"' "$dir/logs/01.jsonl" || fail "the fault is not in the stream"
tools/campaign.sh -s "$specs" -o "$dir" -t 30 > "$log.again" 2>&1 || fail "the resumed campaign failed"
grep -q "campaign: 0 of 15 runs to do" "$log.again" || fail "the second campaign did not resume"
rm -rf "$dir" "$specs" "$log.again"
