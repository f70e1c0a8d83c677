/*
 * watch-idle: tells the test monitor (mon-test kick=DOM) that every
 * writer waits.
 *
 * Why it is needed: on one CPU, a monitor of higher priority than every
 * writer runs as soon as Warden raises its port, so a ring never fills
 * while the monitor answers at once; and if the monitor holds requests
 * back, the writers soon all wait and nothing but a timer tick (10 ms)
 * would wake it.  This domain has the lowest priority (give the writers
 * priority=1), so it runs only when no writer can, and then it kicks the
 * monitor through an event channel: each round, the ring fills, the
 * writers that find it full queue for room, and the monitor answers as
 * soon as nobody else can move.
 *
 * Command line: monitor=DOM (default 1) port=P, the port the monitor
 * allocated for us (it prints it).  We end when a kick gets no reply
 * within GIVE_UP_MS: the monitor has ended.
 *
 * Shows: nothing itself; passes if it could bind and kick.  Cannot show:
 * that it ran only when the writers waited (priorities do that).
 */
#include "guest/lib/console.h"
#include "guest/lib/evtchn.h"
#include "guest/lib/hypercall.h"
#include "guest/lib/test.h"
#include "guest/lib/time.h"
#include "tests/guest/watch-lib/watch_lib.h"

#define GIVE_UP_MS	50

void test_main(void)
{
	uint32_t monitor = opt_u32("monitor", 1), kicks = 0;
	long port = evtchn_bind_interdomain((domid_t)monitor,
					    opt_u32("port", 0));
	evtchn_port_t p;

	if (port <= 0)
		test_fatal("cannot bind to the monitor's port: %ld", port);
	p = (evtchn_port_t)port;
	do {
		evtchn_clear(p);	/* binding made it pending, then each reply */
		test_eq("kick", evtchn_send(p), 0);
		kicks++;
		hc_poll(&p, 1, time_now_ns() + GIVE_UP_MS * NS_PER_MS);
	} while (evtchn_is_pending(p));
	printk("%u kicks; the monitor stopped answering them\n", kicks);
}
