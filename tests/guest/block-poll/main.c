/*
 * block-poll: sched_op block and poll, alone on the CPU.
 *
 * Shows: block with an event already pending returns at once, delivers it
 * and leaves events on (Xen's block enables events); poll on a pending
 * port returns at once without delivering anything (events stay masked);
 * poll with nothing pending and a timeout returns once system time has
 * passed the timeout, at most about a tick late, and is not woken by an
 * event on a port it does not poll; poll wakes when a polled port becomes
 * pending; a timeout already passed returns at once; too many ports is
 * -EINVAL (over Xen's 128) and an unreadable port list -EFAULT; yield
 * returns.
 * Cannot show: that another domain ran meanwhile (alone; the preempt and
 * blocked-forever boot tests have several domains).
 */
#include "guest/lib/events.h"
#include "guest/lib/evtchn.h"
#include "guest/lib/hypercall.h"
#include "guest/lib/test.h"
#include "guest/lib/time.h"
#include "include/public/errno.h"

#define TICK_NS		(10 * NS_PER_MS)
#define LATE_MAX_NS	(5 * TICK_NS)		/* one tick, and slack for a busy host */
#define TIMEOUT_NS	(50 * NS_PER_MS)
#define POLL_TOO_MANY	129		/* Xen takes up to 128 */

static evtchn_port_t loop_a, loop_b, timer;

/* Two ends of a channel to ourselves, and the timer. */
static void make_ports(void)
{
	long a = evtchn_alloc_unbound(DOMID_SELF);
	long b = a > 0 ? evtchn_bind_interdomain(DOMID_SELF, (evtchn_port_t)a) : a;
	long t = evtchn_bind_virq(VIRQ_TIMER);

	if (a <= 0 || b <= 0 || t <= 0)
		test_fatal("ports: %ld %ld %ld", a, b, t);
	loop_a = (evtchn_port_t)a;
	loop_b = (evtchn_port_t)b;
	timer = (evtchn_port_t)t;
	evtchn_clear(loop_b);			/* the bind made it pending */
}

static void block_with_event_pending(void)
{
	uint32_t before = events_seen(loop_b);

	evtchn_send(loop_a);
	test_eq("block, an event pending", hc_sched_op(SCHEDOP_block, 0), 0);
	test_eq("... delivers it", events_seen(loop_b), before + 1);
	test_eq("... and leaves events on", events_are_on(), 1);
}

static void poll_pending(void)
{
	uint32_t before = events_upcalls();

	events_off();
	evtchn_send(loop_a);
	test_eq("poll a pending port", hc_poll(&loop_b, 1, 0), 0);
	test_eq("... delivers nothing", events_upcalls(), before);
	test_eq("... leaves it pending", evtchn_is_pending(loop_b), 1);
	test_eq("... and events off", events_are_on(), 0);
	evtchn_clear(loop_b);
}

/* The timer ticks meanwhile, but we poll the quiet port only. */
static void poll_timeout(void)
{
	uint64_t start = time_now_ns(), took;

	test_eq("poll with a timeout", hc_poll(&loop_b, 1, start + TIMEOUT_NS), 0);
	took = time_now_ns() - start;
	if (took < TIMEOUT_NS || took > TIMEOUT_NS + LATE_MAX_NS)
		test_fail("poll with a 50 ms timeout returned after %llu us", took / 1000);
	test_eq("timeout passed already", hc_poll(&loop_b, 1, 1), 0);
	test_eq("no ports, timeout passed", hc_poll(0, 0, 1), 0);
}

static void poll_wakes(void)
{
	uint64_t start;

	evtchn_clear(timer);
	start = time_now_ns();
	test_eq("poll the timer", hc_poll(&timer, 1, 0), 0);
	if (time_now_ns() - start > LATE_MAX_NS)
		test_fail("the timer woke poll after %llu us", (time_now_ns() - start) / 1000);
	test_eq("... which is pending", evtchn_is_pending(timer), 1);
}

void test_main(void)
{
	evtchn_port_t many[POLL_TOO_MANY] = { 0 };

	events_init();
	make_ports();
	block_with_event_pending();
	poll_pending();
	poll_timeout();
	poll_wakes();
	test_eq("poll too many ports", hc_poll(many, POLL_TOO_MANY, 0), -XEN_EINVAL);
	test_eq("poll an unreadable list", hc_poll((void *)0x1000, 1, 0), -XEN_EFAULT);
	test_eq("yield", hc_sched_op(SCHEDOP_yield, 0), 0);
}
