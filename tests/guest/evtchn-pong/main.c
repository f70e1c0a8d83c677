/*
 * evtchn-pong: the other end of evtchn-ping's channel (see there for the
 * convention: we are domain 2 and bind port 1 of domain 1).
 *
 * Shows: bind_interdomain to a port another domain allocated for us works
 * (refused while it does not exist yet, and for a port number that was
 * not allocated); the new local port is the first free one and starts
 * pending; a port already connected cannot be bound again; every event
 * from ping arrives once and each gets an answer; an event that arrives
 * while our port is masked sets its pending bit only, and unmask delivers
 * it.
 * Cannot show: the order in which Warden ran the two domains.
 */
#include "guest/lib/events.h"
#include "guest/lib/evtchn.h"
#include "guest/lib/hypercall.h"
#include "guest/lib/test.h"
#include "include/public/errno.h"

#define PING		1		/* its domain id: the first module */
#define PING_PORT	1		/* the first port it allocates */
#define ROUNDS		50
#define BIND_TRIES	100

static void wait_for(evtchn_port_t port, uint32_t count)
{
	while (events_seen(port) < count)
		events_block();
}

/* Ping allocates the port when it first runs; until then, yield. */
static long bind_to_ping(void)
{
	long rc = -XEN_EINVAL;

	for (unsigned i = 0; i < BIND_TRIES && rc == -XEN_EINVAL; i++) {
		rc = evtchn_bind_interdomain(PING, PING_PORT);
		if (rc == -XEN_EINVAL)
			hc_sched_op(SCHEDOP_yield, 0);
	}
	return rc;
}

/* The last event comes while the port is masked. */
static void masked_last(evtchn_port_t port)
{
	evtchn_mask(port);
	test_eq("send", evtchn_send(port), 0);		/* the last answer */
	for (unsigned i = 0; i < BIND_TRIES && !evtchn_is_pending(port); i++)
		hc_sched_op(SCHEDOP_yield, 0);
	test_eq("masked port pending", evtchn_is_pending(port), 1);
	test_eq("... but not delivered", events_seen(port), ROUNDS + 1);
	test_eq("unmask", evtchn_unmask(port), 0);
	test_eq("unmask delivers it", events_seen(port), ROUNDS + 2);
	test_eq("acknowledge", evtchn_send(port), 0);
}

void test_main(void)
{
	long port;

	events_init();
	port = bind_to_ping();
	if (!test_eq("bind to ping's port: the first free port", port, 1))
		test_fatal("no channel to ping");
	test_eq("bind a port ping did not allocate",
		evtchn_bind_interdomain(PING, PING_PORT + 1), -XEN_EINVAL);
	test_eq("bind ping's port again", evtchn_bind_interdomain(PING, PING_PORT), -XEN_EINVAL);
	test_eq("the new port starts pending", evtchn_is_pending(1), 1);
	events_on();
	test_eq("the bind's event", events_seen(1), 1);
	test_eq("hello", evtchn_send(1), 0);
	for (uint32_t i = 0; i < ROUNDS; i++) {
		wait_for(1, i + 2);
		if (i + 1 < ROUNDS)
			test_eq("answer", evtchn_send(1), 0);
	}
	masked_last(1);
}
