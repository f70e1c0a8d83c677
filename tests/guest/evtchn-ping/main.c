/*
 * evtchn-ping: one end of a channel between two domains; evtchn-pong, run
 * as the next domain, is the other.  There is no store to meet in, so the
 * two agree by convention: we are domain 1, pong is domain 2, and we
 * allocate the first free port, 1, for it to bind.
 *
 * Shows: alloc_unbound for another domain gives the first free port; a
 * send before the peer binds is dropped (0); the peer's bind reaches us as
 * its first send; then ROUNDS round trips, each send delivered once to the
 * other domain and waking it from sched_op block, or from poll here; a final event sent while
 * pong has its port masked is kept pending there and delivered by its
 * unmask, which pong acknowledges.
 * Cannot show: which domain ran when (events.h counts events, not
 * switches); a third domain binding our port (there are two).
 */
#include "guest/lib/console.h"
#include "guest/lib/events.h"
#include "guest/lib/evtchn.h"
#include "guest/lib/hypercall.h"
#include "guest/lib/test.h"
#include "include/public/errno.h"

#define PONG		2		/* its domain id: the second module */
#define ROUNDS		50

/* Sleep until `port` has brought `count` events in all: by sched_op
 * block for even counts, by poll on the port for odd ones (events are on,
 * so the upcall comes as poll returns). */
static void wait_for(evtchn_port_t port, uint32_t count)
{
	while (events_seen(port) < count) {
		if (count % 2)
			hc_poll(&port, 1, 0);
		else
			events_block();
	}
}

void test_main(void)
{
	long port;

	events_init();
	test_eq("alloc_unbound for a domain that does not exist",
		evtchn_alloc_unbound(PONG + 1), -XEN_ESRCH);
	port = evtchn_alloc_unbound(PONG);
	if (!test_eq("alloc_unbound for pong: the first free port", port, 1))
		test_fatal("pong would not find the port");
	test_eq("send before pong binds", evtchn_send(1), 0);
	events_on();
	wait_for(1, 1);				/* pong bound, and says so */
	for (uint32_t i = 0; i < ROUNDS; i++) {
		test_eq("send", evtchn_send(1), 0);
		wait_for(1, i + 2);
	}
	printk("%u round trips with domain %u\n", ROUNDS, PONG);
	test_eq("final send (pong has it masked)", evtchn_send(1), 0);
	wait_for(1, ROUNDS + 2);		/* pong unmasked and took it */
	test_eq("events from pong in all", events_seen(1), ROUNDS + 2);
}
