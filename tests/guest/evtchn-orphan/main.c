/*
 * evtchn-orphan: domain 2 of tests/boot/evtchn-peer-crash; its peer,
 * evtchn-dier, crashes once we have bound its port 1 and sent hello.
 *
 * Shows: after the peer crashed and Warden destroyed it (alloc_unbound
 * naming it then fails with -ESRCH), our end of the channel is still ours
 * and harmless -- a send on it is dropped (0) and makes nothing pending,
 * closing it works, and its port is free again -- and we went on running
 * the whole time.
 * Cannot show: the peer's side after its death (it is gone).
 */
#include "guest/lib/events.h"
#include "guest/lib/evtchn.h"
#include "guest/lib/hypercall.h"
#include "guest/lib/test.h"
#include "guest/lib/time.h"
#include "include/public/errno.h"

#define DIER		1
#define DIER_PORT	1
#define WAIT_NS		(10 * NS_PER_MS)
#define WAITS_MAX	500		/* 5 s */

/* Poll our port in 10 ms steps until the dier is destroyed. */
static bool dier_gone(evtchn_port_t port)
{
	for (unsigned i = 0; i < WAITS_MAX; i++) {
		long probe = evtchn_alloc_unbound(DIER);

		if (probe == -XEN_ESRCH)
			return true;
		if (probe > 0)
			evtchn_close((evtchn_port_t)probe);
		hc_poll(&port, 1, time_now_ns() + WAIT_NS);
	}
	return false;
}

void test_main(void)
{
	long port = -XEN_EINVAL;

	events_init();
	for (unsigned i = 0; i < WAITS_MAX; i++) {
		port = evtchn_bind_interdomain(DIER, DIER_PORT);
		if (port != -XEN_EINVAL)
			break;
		hc_sched_op(SCHEDOP_yield, 0);	/* the dier has not allocated yet */
	}
	if (!test_eq("bind to the dier's port", port, 1))
		test_fatal("no channel");
	evtchn_clear(1);			/* the bind's own event */
	test_eq("hello", evtchn_send(1), 0);
	if (!dier_gone(1))
		test_fatal("domain %u is still there after 5 s", DIER);
	test_eq("send to a dead peer", evtchn_send(1), 0);
	test_eq("... makes nothing pending here", evtchn_is_pending(1), 0);
	test_eq("close our end", evtchn_close(1), 0);
	test_eq("its port is free again", evtchn_alloc_unbound(DOMID_SELF), 1);
}
