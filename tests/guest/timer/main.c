/*
 * timer: VIRQ_TIMER, alone on the CPU.
 *
 * Shows: set_timer_op with a deadline already passed raises VIRQ_TIMER on
 * the spot (pending as the hypercall returns, events masked); 0 cancels
 * and a future deadline is accepted; the periodic timer, once bound,
 * brings events at about 100 Hz (80 to 125 in a second of system time;
 * the time test measures the rate better), and sched_op block wakes on it
 * each time within a tick (five allowed, for a busy host); block turns
 * events on, as on Xen.
 * Cannot show: a future set_timer_op deadline firing by itself.  Warden
 * checks deadlines on the tick, when the periodic timer raises the same
 * VIRQ anyway, and one pending bit holds both; Xen's guests stop the
 * periodic timer with VCPUOP_stop_periodic_timer, which Warden lacks.
 */
#include "guest/lib/console.h"
#include "guest/lib/events.h"
#include "guest/lib/evtchn.h"
#include "guest/lib/hypercall.h"
#include "guest/lib/test.h"
#include "guest/lib/time.h"

#define TICK_NS		(10 * NS_PER_MS)
#define WATCH_NS	(1000 * NS_PER_MS)	/* 100 ticks */
#define BLOCK_MAX_NS	(5 * TICK_NS)		/* one tick, and slack for a busy host */

static void one_shot(evtchn_port_t port)
{
	test_eq("set_timer_op, deadline passed", hc_set_timer_op(1), 0);
	test_eq("... fires at once", evtchn_is_pending(port), 1);
	evtchn_clear(port);
	test_eq("set_timer_op, far future", hc_set_timer_op(time_now_ns() + 3600 * 1000 * NS_PER_MS), 0);
	test_eq("set_timer_op 0 cancels", hc_set_timer_op(0), 0);
}

/* Block until the next timer event; how long it took. */
static uint64_t block_once(evtchn_port_t port)
{
	uint64_t start = time_now_ns();
	uint32_t before = events_seen(port);

	while (events_seen(port) == before)
		events_block();
	return time_now_ns() - start;
}

static void periodic(evtchn_port_t port)
{
	uint64_t start, longest = 0;
	uint32_t events;

	block_once(port);			/* line up with a tick */
	test_eq("block turns events on", events_are_on(), 1);
	start = time_now_ns();
	events = events_seen(port);
	while (time_now_ns() - start < WATCH_NS) {
		uint64_t took = block_once(port);

		if (took > longest)
			longest = took;
	}
	events = events_seen(port) - events;
	printk("%u timer events in %u ms; the longest block took %u us\n", events,
	       (unsigned)(WATCH_NS / NS_PER_MS), (unsigned)(longest / 1000));
	if (events < 80 || events > 125)
		test_fail("%u timer events in 1000 ms, expected about 100", events);
	if (longest > BLOCK_MAX_NS)
		test_fail("a block took %u us, more than five ticks", (unsigned)(longest / 1000));
}

void test_main(void)
{
	long port;

	events_init();
	port = evtchn_bind_virq(VIRQ_TIMER);
	if (port <= 0)
		test_fatal("bind_virq VIRQ_TIMER: %ld", port);
	evtchn_mask((evtchn_port_t)port);	/* no ticks while we look */
	evtchn_clear((evtchn_port_t)port);
	one_shot((evtchn_port_t)port);
	test_eq("unmask", evtchn_unmask((evtchn_port_t)port), 0);
	periodic((evtchn_port_t)port);
}
