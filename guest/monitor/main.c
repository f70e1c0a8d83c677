/*
 * main.c - the monitor: the domain that decides what happens to watched
 * writes.
 *
 * Warden makes the domain whose command line has the word "monitor" the
 * privileged one: only it may make the MONITOR_OP_* calls, write to COM2,
 * and place watches on other domains; it has the console's input, and
 * runs first when it can.  Every other domain starts paused until the
 * monitor says it is ready, so no write can hit a watch before somebody is
 * there to answer it.  So the monitor, in order:
 *
 *   1. reads its rules from its command line (policy.h), and its options:
 *        default=VERDICT   when no rule matches (deny unless told)
 *        watch=DOM:ADDR:LEN  a watch to place on a guest (watches.h)
 *        inject=TARGET:MODEL:TRIGGER[:seed=S]  an experiment: faults in
 *                          the watched writes it picks (spec.h has the
 *                          grammar; fault.h what is done), e.g.
 *                          inject=1:flip=3:nth=5:seed=7 or
 *                          inject=*:drop:p=0.01:seed=42.  A bad spec is
 *                          fatal (SHUTDOWN_crash), naming its bad field.
 *        quiet             no console line an event (COM2 still gets all)
 *        hold              the guests wait until `go` is typed in the
 *                          shell (to look at them, or watch them, first)
 *        stay              (Warden's word) the monitor is kept when the
 *                          guests have ended, for its shell, until `quit`
 *   2. sets up COM2 for the event stream (com2.h), registers its event
 *      ring and port (ring.h), finds the guests and their names
 *      (domains.h), places its watches, binds the console (shell.h);
 *   3. calls MONITOR_OP_ready: the guests start (with `hold`, the shell's
 *      `go` does);
 *   4. loops: answers every request on the ring (judge.h), runs what was
 *      typed, and waits with sched_op poll for its two ports, the ring's
 *      and VIRQ_CONSOLE's.  Events stay masked: poll needs no upcall, so
 *      this loop is all there is.  A port's pending bit is cleared before
 *      the work it asks for, so an event during the work makes the next
 *      poll return at once: none is missed.
 *   5. ends when Warden shuts it down, after the last guest ended; or at
 *      `quit`, after printing its counts and the harness's result line.
 *
 * The guests are looked for among domain ids 1 to 15 (domains.h).
 */
#include "guest/lib/backend.h"
#include "guest/lib/console.h"
#include "guest/lib/evtchn.h"
#include "guest/lib/hypercall.h"
#include "guest/lib/test.h"
#include "guest/monitor/com2.h"
#include "guest/monitor/domains.h"
#include "guest/monitor/fault.h"
#include "guest/monitor/judge.h"
#include "guest/monitor/ring.h"
#include "guest/monitor/shell.h"
#include "guest/monitor/watches.h"

static struct policy policy;
static bool quiet, hold;

/* Step 1: every word this monitor understands; a wrong one is fatal,
 * because a monitor with half its rules would judge wrongly. */
static void read_options(const char *line)
{
	struct word w, value;
	const char *why = 0;

	policy_init(&policy);
	while (!why && word_next(&line, &w)) {
		if (word_value(w, "rule", &value))
			why = policy_add(&policy, value);
		else if (word_value(w, "default", &value))
			why = verdict_parse(value, &policy.fallback);
		else if (word_value(w, "inject", &value))
			why = fault_setup(value);
		quiet |= word_is(w, "quiet");
		hold |= word_is(w, "hold");
	}
	if (why)
		test_fatal("\"%.*s\": %s", (int)w.len, w.s, why);
}

/* The watch=DOM:ADDR:LEN words. */
static void place_watches(const char *line)
{
	struct word w, value, dom, addr, len;

	while (word_next(&line, &w)) {
		if (!word_value(w, "watch", &value))
			continue;
		if (!word_split(value, ':', &dom, &value) || !word_split(value, ':', &addr, &len))
			test_fatal("\"%.*s\": a watch is watch=DOM:ADDR:LEN", (int)w.len, w.s);
		if (watches_add(dom, addr, len) < 0)
			test_fail("the watch \"%.*s\" was not placed", (int)w.len, w.s);
	}
}

/* Step 4, until `quit`.  (When the last guest ends, Warden shuts the
 * monitor down itself, unless its command line says `stay`.) */
static void serve(uint32_t ring_port, long console_port)
{
	uint32_t ports[2] = { ring_port, (uint32_t)console_port };
	uint32_t nports = console_port > 0 ? 2 : 1;

	for (;;) {
		for (uint32_t i = 0; i < nports; i++)
			evtchn_clear(ports[i]);
		judge_pending();
		if (console_port > 0 && !shell_poll())
			return;
		hc_poll(ports, nports, 0);
	}
}

void test_main(void)
{
	const char *line = backend_cmdline();
	long ring_port, console_port;

	read_options(line);
	com2_init();
	ring_port = ring_init();
	if (ring_port <= 0)
		test_fatal("no event ring: the monitor cannot work");
	judge_init(&policy, quiet);
	domains_discover();
	domains_print();
	place_watches(line);
	printk("monitor: policy (first match wins):\n");
	judge_print_policy();
	fault_print();
	console_port = shell_init();
	if (hold && console_port > 0)
		printk("monitor: holding the guests: type go to let them start\n");
	else if (domains_release() < 0)
		test_fatal("the guests cannot start");
	serve((uint32_t)ring_port, console_port);
	judge_pending();
	judge_print_counts();
}
