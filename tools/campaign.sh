#!/bin/sh
# campaign.sh - a fault-injection campaign: many experiments, each one
# boot of Warden with the monitor (an inject= spec, guest/monitor/spec.h)
# and the test kernel's self-checking workloads ("experiment",
# guest/kernel/experiment.h), classified and tabulated.
#
#   campaign.sh [-n RUNS] [-s SPECS] [-o DIR] [-j JOBS] [-t SECONDS] [-S SEED]
#   campaign.sh -w DIR -t SECONDS ID SPEC     (one run: what parallel calls)
#
# 1. The golden run: no fault.  It must end OK; its event stream (COM2)
#    says which watches are hit how often, with what sizes: the fault
#    space.  Kept in DIR/golden.*.
# 2. The specs: RUNS of them drawn from the fault space with SEED (a
#    random hit of a random watch; flip a random bit 70%, drop 10%,
#    stuck-at-1 or -0 on a random bit 10% each; a seed each), into
#    DIR/specs.txt, "ID SPEC" a line -- or, with -s, the lines of SPECS.
# 3. The runs, through GNU parallel on JOBS cores (default all), each
#    under QEMU's -icount (the same spec, the same run) with a time limit
#    (default 60 s), its serial log and event stream in DIR/logs/.  Each
#    is classified from QEMU's status and the kernel's outcome line:
#      OK            status 33, "experiment: outcome: OK"
#      DETECTED      status 33, outcome DETECTED: a workload's check saw it
#      SDC           status 41, outcome WRONG: silent data corruption
#      GUEST_CRASH   the kernel died before its outcome (status 41 or 33)
#      HANG          status 124: the time limit
#      WARDEN_PANIC  status 35, or any other: a bug in Warden, shown loudly
#      BAD_SPEC      the monitor refused the spec (a runner input error)
#    A run's row goes to DIR/runs/ID.csv when it ends, so an interrupted
#    campaign resumes where it stopped: runs with a row are skipped.
# 4. DIR/results.csv (spec,seed,outcome,instructions,events), a summary
#    on the terminal, and DIR/outcomes.png (gnuplot): outcomes per target
#    watch, and per bit for the flips.
#
# Several machines: every one needs this tree, built, at the same path,
# and ssh without a password; then the one-line change is to give
# parallel the machines (":" is this one), e.g.
#   CAMPAIGN_PARALLEL="--sshloginfile hosts --workdir $PWD" make campaign RUNS=1000
# (parallel's --sshloginfile and --workdir; rows come back on parallel's
# output, the logs stay where each run ran).
set -eu

warden=build/warden.elf monitor=build/guests/monitor.elf kernel=build/guests/kernel.elf
runs=20 specs="" dir=build/campaign jobs=100% seconds=60 seed=1 worker=""
OUTCOMES="OK DETECTED SDC GUEST_CRASH HANG WARDEN_PANIC BAD_SPEC"

usage() {
	echo "usage: $0 [-n RUNS] [-s SPECS] [-o DIR] [-j JOBS] [-t SECONDS] [-S SEED]" >&2
	exit 2
}

while getopts "n:s:o:j:t:S:w:" opt; do
	case $opt in
	n) runs=$OPTARG ;;
	s) specs=$OPTARG ;;
	o) dir=$OPTARG ;;
	j) jobs=$OPTARG ;;
	t) seconds=$OPTARG ;;
	S) seed=$OPTARG ;;
	w) worker=1 dir=$OPTARG ;;
	*) usage ;;
	esac
done
shift $((OPTIND - 1))

# boot SPEC NAME: one experiment (no fault if SPEC is empty), its logs
# DIR/NAME.log and DIR/NAME.jsonl; prints QEMU's status.
boot() {
	status=0
	QEMU_ICOUNT=1 tools/qemu-run.sh -t "$seconds" -e "$dir/$2.jsonl" "$warden" \
		"$monitor monitor default=allow quiet${1:+ inject=$1}" \
		"$kernel name=kernel experiment" > "$dir/$2.log" 2>&1 || status=$?
	echo "$status"
}

# classify STATUS LOG: the run's outcome class.
classify() {
	outcome=$(sed -n 's/.*experiment: outcome: \([A-Z]*\).*/\1/p' "$2" | head -1)
	if grep -q 'domain 1 (monitor) shut down: crash' "$2"; then
		echo BAD_SPEC
		return
	fi
	case $1:$outcome in
	33:OK) echo OK ;;
	33:DETECTED) echo DETECTED ;;
	41:WRONG) echo SDC ;;
	33:* | 41:*) echo GUEST_CRASH ;;
	124:*) echo HANG ;;
	*) echo WARDEN_PANIC ;;
	esac
}

# The row of run ID: ID,spec,seed,outcome,instructions,events.
run_one() {
	id=$1 spec=$2
	mkdir -p "$dir/logs"
	status=$(boot "$spec" "logs/$id")
	log=$dir/logs/$id.log
	instructions=$(sed -n 's/.*experiment: instructions \([0-9]*\).*/\1/p' "$log" | head -1)
	events=$(wc -l < "$dir/logs/$id.jsonl" 2>/dev/null || echo 0)
	echo "$id,$spec,${spec##*seed=},$(classify "$status" "$log"),${instructions:-0},$((events))"
}

if [ -n "$worker" ]; then
	[ $# -eq 2 ] || usage
	run_one "$1" "$2"
	exit 0
fi

for f in "$warden" "$monitor" "$kernel"; do
	[ -f "$f" ] || { echo "campaign: $f is missing: run make first" >&2; exit 2; }
done
command -v parallel > /dev/null ||
	{ echo "campaign: GNU parallel is missing (make deps installs it)" >&2; exit 2; }
mkdir -p "$dir/runs" "$dir/logs"

# Step 1, once: a campaign that resumes keeps its golden run.
golden() {
	if [ ! -s "$dir/golden.jsonl" ] || ! grep -q 'outcome: OK' "$dir/golden.log"; then
		echo "campaign: the golden run (no fault)"
		status=$(boot "" golden)
		if [ "$status" != 33 ] || ! grep -q 'experiment: outcome: OK' "$dir/golden.log"; then
			echo "campaign: the golden run failed (status $status, see $dir/golden.log)" >&2
			exit 1
		fi
	fi
	# The fault space: "WATCH HIT SIZE" for every event, in order.
	sed -n 's/.*"size":\([0-9]*\).*"watch":\([0-9]*\).*/\2 \1/p' "$dir/golden.jsonl" |
		awk '{ print $1, ++hits[$1], $2 }' > "$dir/space.txt"
	tr -d '\r' < "$dir/golden.log" |
		sed -n 's/.*Warden watches \(.*\) (0x.*: watch \([0-9]*\)$/\2 \1/p' > "$dir/targets.txt"
	awk '{ n[$1]++ } END { for (w in n) printf "  watch %s: %d writes\n", w, n[w] }' \
		"$dir/space.txt" | sort
}

# Step 2: RUNS specs drawn from the space with SEED (the same every time).
draw() {
	awk -v runs="$runs" -v seed="$seed" '
	{ watch[NR] = $1; hit[NR] = $2; size[NR] = $3 }
	END {
		srand(seed)
		for (i = 1; i <= runs; i++) {
			e = int(rand() * NR) + 1; bits = size[e] * 8
			bit = int(rand() * bits); r = rand()
			if (r < 0.7) model = "flip=" bit
			else if (r < 0.8) model = "drop"
			else model = sprintf("stuck%d=%.0f", r < 0.9, 2 ^ bit)
			printf "%05d %s:%s:nth=%d:seed=%d\n", i, watch[e], model, hit[e],
				int(rand() * 2147483646) + 1
		}
	}' "$dir/space.txt"
}

# Step 3: the runs without a row yet; each row into its file as it ends.
run_all() {
	while read -r id spec; do
		[ -f "$dir/runs/$id.csv" ] || echo "$id $spec"
	done < "$dir/specs.txt" > "$dir/pending.txt"
	todo=$(wc -l < "$dir/pending.txt")
	echo "campaign: $todo of $(wc -l < "$dir/specs.txt") runs to do"
	[ "$todo" -gt 0 ] || return 0
	# The progress: parallel's bar on a terminal, else a line a run.
	bar="" done=0
	[ ! -t 2 ] || bar=--bar
	# shellcheck disable=SC2086
	parallel $bar -j "$jobs" ${CAMPAIGN_PARALLEL:-} --colsep ' ' \
		tools/campaign.sh -w "$dir" -t "$seconds" '{1}' '{2}' < "$dir/pending.txt" |
		while IFS= read -r row; do
			printf '%s\n' "${row#*,}" > "$dir/runs/${row%%,*}.tmp"
			mv "$dir/runs/${row%%,*}.tmp" "$dir/runs/${row%%,*}.csv"
			done=$((done + 1))
			[ -n "$bar" ] || echo "campaign: $done/$todo: $(echo "$row" | cut -d, -f2,4)"
		done
}

# Step 4.
summary() {
	{ echo "spec,seed,outcome,instructions,events"
	  while read -r id spec; do
		[ ! -f "$dir/runs/$id.csv" ] || cat "$dir/runs/$id.csv"
	  done < "$dir/specs.txt"; } > "$dir/results.csv"
	awk -F, -v order="$OUTCOMES" 'NR > 1 { n[$3]++; total++ }
	END {
		printf "%-14s %6s %7s\n", "outcome", "runs", "share"
		k = split(order, o, " ")
		for (i = 1; i <= k; i++)
			printf "%-14s %6d %6.1f%%\n", o[i], n[o[i]], total ? 100 * n[o[i]] / total : 0
		printf "%-14s %6d\n", "total", total
	}' "$dir/results.csv"
	panics=$(grep -c ',WARDEN_PANIC,' "$dir/results.csv" || true)
	[ "$panics" -eq 0 ] || {
		echo "campaign: *** $panics WARDEN_PANIC run(s): Warden has a bug ***" >&2
		grep ',WARDEN_PANIC,' "$dir/results.csv" | head -5 >&2
	}
	echo "campaign: rows in $dir/results.csv, logs in $dir/logs/"
}

# outcomes.png: stacked bars, per target watch and per flipped bit.
plot() {
	command -v gnuplot > /dev/null || { echo "campaign: no gnuplot: no plot"; return 0; }
	tally() {	# KEY-EXPRESSION FILTER: a table of outcomes per key
		awk -F, -v order="$OUTCOMES" "NR > 1 && $2 { split(\$1, f, \":\"); k = $1; seen[k] = 1; n[k, \$3]++ }
		END { c = split(order, o, \" \"); for (k in seen) { line = k
			for (i = 1; i <= c; i++) line = line \" \" (n[k, o[i]] + 0); print line } }" \
			"$dir/results.csv" | sort -n
	}
	tally 'f[1]' 1 | while read -r w rest; do
		echo "\"$w $(awk -v w="$w" '$1 == w { $1 = ""; print substr($0, 2) }' "$dir/targets.txt")\" $rest"
	done > "$dir/by_target.dat"
	# shellcheck disable=SC2016
	tally 'substr(f[2], 6)' 'index($1, ":flip=") > 0' > "$dir/by_bit.dat"
	gnuplot <<EOF_PLOT
set terminal png size 1000,900 noenhanced
set output "$dir/outcomes.png"
set multiplot layout 2,1
set style data histograms
set style histogram rowstacked
set style fill solid border -1
set boxwidth 0.8
set key outside right
set ylabel "runs"
set title "outcomes, by target watch"
set xtics rotate by -15
plot for [i=2:8] "$dir/by_target.dat" using i:xtic(1) title word("$OUTCOMES", i - 1)
set title "flips, by bit"
set xtics norotate
set xlabel "bit"
plot for [i=2:8] "$dir/by_bit.dat" using i:xtic(1) title word("$OUTCOMES", i - 1)
unset multiplot
EOF_PLOT
	echo "campaign: the plot is $dir/outcomes.png"
}

golden
if [ -n "$specs" ]; then
	grep -v '^#' "$specs" | grep . > "$dir/specs.txt"
else
	draw > "$dir/specs.txt"
fi
run_all
summary
plot
