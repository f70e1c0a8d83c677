/*
 * evtchn.c - event-channel hypercalls and bits (evtchn.h).
 */
#include "guest/lib/evtchn.h"
#include "guest/lib/hypercall.h"
#include "guest/lib/shared_info.h"

long evtchn_alloc_unbound(domid_t remote_dom)
{
	struct evtchn_alloc_unbound a = { DOMID_SELF, remote_dom, 0 };
	long rc = hc_event_channel_op(EVTCHNOP_alloc_unbound, &a);

	return rc ? rc : (long)a.port;
}

long evtchn_bind_interdomain(domid_t remote_dom, evtchn_port_t remote_port)
{
	struct evtchn_bind_interdomain b = { remote_dom, remote_port, 0 };
	long rc = hc_event_channel_op(EVTCHNOP_bind_interdomain, &b);

	return rc ? rc : (long)b.local_port;
}

long evtchn_bind_virq(uint32_t virq)
{
	struct evtchn_bind_virq b = { virq, 0, 0 };
	long rc = hc_event_channel_op(EVTCHNOP_bind_virq, &b);

	return rc ? rc : (long)b.port;
}

long evtchn_send(evtchn_port_t port)
{
	struct evtchn_send s = { port };

	return hc_event_channel_op(EVTCHNOP_send, &s);
}

long evtchn_unmask(evtchn_port_t port)
{
	struct evtchn_unmask u = { port };

	return hc_event_channel_op(EVTCHNOP_unmask, &u);
}

long evtchn_close(evtchn_port_t port)
{
	struct evtchn_close c = { port };

	return hc_event_channel_op(EVTCHNOP_close, &c);
}

/* Port's word in a bit array of shared info (ports past the 2-level ABI's
 * 1024 wrap: callers pass ports Warden gave them). */
static volatile uint32_t *word(volatile uint32_t *bits, evtchn_port_t port)
{
	return &bits[(port / 32) % 32];
}

static uint32_t bit(evtchn_port_t port)
{
	return 1u << (port % 32);
}

void evtchn_mask(evtchn_port_t port)
{
	__atomic_fetch_or(word(shared_info()->evtchn_mask, port), bit(port), __ATOMIC_SEQ_CST);
}

void evtchn_clear(evtchn_port_t port)
{
	__atomic_fetch_and(word(shared_info()->evtchn_pending, port), ~bit(port), __ATOMIC_SEQ_CST);
}

bool evtchn_is_pending(evtchn_port_t port)
{
	return (*word(shared_info()->evtchn_pending, port) & bit(port)) != 0;
}

bool evtchn_is_masked(evtchn_port_t port)
{
	return (*word(shared_info()->evtchn_mask, port) & bit(port)) != 0;
}
