/*
 * mon-test: a small monitor for tests, whose behaviour its command line
 * chooses (the module also needs the word `monitor`):
 *
 *   verdict=RULE     allow (default), deny, deny-fault, value=N, remove,
 *                    or parity (allow even new values, deny odd ones)
 *   order=N          2^N ring slots (default 1)
 *   timeout=MS       the ring's answer timeout (default: Warden's)
 *   answer-after=N   hold requests until N are in hand, then answer them
 *                    all (default 1)
 *   kick=DOM         domain DOM (tests/guest/watch-idle) runs only when
 *                    every writer waits, and then kicks us: we answer
 *                    what we hold at once.  With answer-after larger than
 *                    the ring, that is how the ring fills and writers
 *                    queue for room, without waiting for a timer
 *   crash-after=N    crash, instead of answering, the batch that holds
 *                    the N-th request
 *   silent           take requests, never answer
 *   bad=KIND         send one bad response first (answer.c), then behave
 *   count=N          after N answers, check MONITOR_OP_stats, print them
 *                    and end; without it, serve until Warden dismisses us
 *   verbose          print every request
 *   register-checks  first, registrations Warden must refuse (ring.h)
 *   ring-page=WHICH  first, the ring on a page Warden must not lend out
 *                    (table: our own L1 table; shared-info)
 *   crash-before-ready  crash before MONITOR_OP_ready: the guests Warden
 *                    holds for us must not wait for ever
 *
 * Every request is checked: sequence numbers follow each other (none
 * lost, none twice), and access, size (0 to 8; 0 for an instruction
 * Warden will single-step) and instruction length make sense.
 * We wait with sched_op poll on our ports, events masked: never spinning.
 *
 * Shows: whatever the boot test running it checks.  Cannot show: a real
 * monitor's policy (guest/monitor).
 */
#include "guest/lib/console.h"
#include "guest/lib/evtchn.h"
#include "guest/lib/hypercall.h"
#include "guest/lib/test.h"
#include "guest/lib/watch_calls.h"
#include "tests/guest/mon-test/answer.h"
#include "tests/guest/mon-test/ring.h"

#define HELD_MAX	(1u << WATCH_RING_MAX_ORDER)

static struct {
	uint32_t order, timeout_ms, answer_after, crash_after, count, kick_dom;
	bool silent, verbose, crash_before_ready;
} opt;

static struct watch_request held[HELD_MAX];
static unsigned n_held;
static uint32_t taken, last_seq;
static evtchn_port_t ports[2];		/* the ring's; watch-idle's kicks */
static unsigned n_ports = 1;

static void read_options(void)
{
	opt.order = opt_u32("order", 1);
	opt.timeout_ms = opt_u32("timeout", 0);
	opt.answer_after = opt_u32("answer-after", 1);
	opt.crash_after = opt_u32("crash-after", 0);
	opt.count = opt_u32("count", 0);
	opt.kick_dom = opt_u32("kick", 0);
	opt.silent = opt_has("silent");
	opt.verbose = opt_has("verbose");
	opt.crash_before_ready = opt_has("crash-before-ready");
	answer_configure(opt_rule("verdict", RULE_ALLOW), answer_bad_kind());
	if (opt.answer_after == 0 || opt.answer_after > HELD_MAX)
		test_fatal("answer-after=%u: 1 to %u", opt.answer_after, HELD_MAX);
	if (opt.silent && opt.count)
		test_fatal("silent and count=: a silent monitor answers nothing to count");
	if (opt.kick_dom && !opt.count && !opt.crash_after)
		test_fatal("kick= needs count= or crash-after=: the kicks stop only when we end");
}

static void check_request(const struct watch_request *r)
{
	if (r->seq != last_seq + 1)
		test_fail("event %u came after event %u", r->seq, last_seq);
	last_seq = r->seq;
	if (r->access != WATCH_WRITE || r->size > 8 ||	/* 0: not emulated */
	    r->insn_len < 1 || r->insn_len > 15)
		test_fail("event %u: access %u, size %u, instruction length %u",
			  r->seq, r->access, r->size, r->insn_len);
	if (opt.verbose)
		printk("event %u: dom %u gva 0x%x gpa 0x%x size %u old 0x%llx new 0x%llx\n",
		       r->seq, r->domid, r->gva, r->gpa, r->size,
		       (unsigned long long)r->old_value, (unsigned long long)r->new_value);
}

static void take_requests(void)
{
	struct watch_request r;

	while (ring_take(&r)) {
		taken++;
		check_request(&r);
		if (opt.silent)
			continue;
		if (n_held == HELD_MAX)
			test_fatal("more than %u requests unanswered", HELD_MAX);
		held[n_held++] = r;
	}
}

/* The monitor dies with requests in hand (or before it was ready):
 * Warden must give them, and every later event, the default verdict. */
static _Noreturn void crash(void)
{
	printk("crashing, with %u events unanswered\n", n_held);
	hc_shutdown(SHUTDOWN_crash);
	test_fatal("still alive after SHUTDOWN_crash");
}

static uint32_t answers(void)
{
	return answered[0] + answered[1] + answered[2] + answered[3];
}

/* Answer what we hold if it is time to; after a kick, kick back. */
static void serve(bool kicked)
{
	if (n_held && (n_held >= opt.answer_after || kicked)) {
		if (opt.crash_after && taken >= opt.crash_after)
			crash();
		answer_all(held, n_held);
		n_held = 0;
	} else if (kicked && answers() != opt.count) {
		test_fatal("every writer waits, yet we hold no request: %u events came (lost?)",
			   taken);
	}
	if (kicked)
		evtchn_send(ports[1]);
}

static bool kicked(void)
{
	if (n_ports < 2 || !evtchn_is_pending(ports[1]))
		return false;
	evtchn_clear(ports[1]);
	return true;
}

/* Warden's counts against ours.  Events that timed out got the default
 * verdict, not our answer: then only the boot test can judge the rest. */
static void final_check(void)
{
	struct warden_watch_stats s;

	test_eq("MONITOR_OP_stats", watch_call_stats(&s), 0);
	printk("stats: events %llu allowed %llu denied %llu values %llu removed %llu "
	       "near-misses %llu ring-waits %llu bad-responses %llu timeouts %llu "
	       "defaults %llu refused-writes %llu single-steps %llu\n",
	       s.events, s.allowed, s.denied, s.values_written, s.removed,
	       s.near_misses, s.ring_waits, s.bad_responses, s.timeouts,
	       s.default_verdicts, s.refused_warden_writes, s.single_steps);
	test_eq("events", (long)s.events, (long)opt.count);
	if (s.timeouts)
		return;
	test_eq("allowed", (long)s.allowed, answered[WATCH_ALLOW]);
	test_eq("denied", (long)s.denied, answered[WATCH_DENY]);
	test_eq("values written", (long)s.values_written, answered[WATCH_WRITE_VALUE]);
	test_eq("removed", (long)s.removed, answered[WATCH_ALLOW_REMOVE]);
	test_eq("default verdicts", (long)s.default_verdicts, 0);
}

/* A port for watch-idle's kicks, if there is a kick=DOM. */
static void listen_for_kicks(void)
{
	long p;

	if (!opt.kick_dom)
		return;
	p = evtchn_alloc_unbound((domid_t)opt.kick_dom);
	if (p <= 0)
		test_fatal("no port for domain %u's kicks: %ld", opt.kick_dom, p);
	ports[n_ports++] = (evtchn_port_t)p;
	printk("domain %u kicks us on port %ld\n", opt.kick_dom, p);
}

/* The ring, with whatever checks of its registration were asked for. */
static void set_up_ring(void)
{
	const char *page = opt_find("ring-page", true);

	ports[0] = ring_port();
	if (opt_has("register-checks"))
		ring_check_refusals(ports[0]);
	if (page)
		ring_check_page(ports[0], page);
	ring_register(ports[0], opt.order, opt.timeout_ms);
	if (opt_has("register-checks"))
		ring_check_once(ports[0]);
}

void test_main(void)
{
	read_options();
	set_up_ring();
	listen_for_kicks();
	if (opt.crash_before_ready)
		crash();
	test_eq("MONITOR_OP_ready", watch_call_monitor(MONITOR_OP_ready, 0), 0);
	for (;;) {
		bool k;

		evtchn_clear(ports[0]);	/* before looking: a later post raises it again */
		k = kicked();
		take_requests();
		serve(k);
		if (opt.count && answers() >= opt.count)
			break;
		hc_poll(ports, n_ports, 0);
	}
	final_check();
}
