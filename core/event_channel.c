/*
 * event_channel.c - virtual interrupts, as Xen's 2-level event channels.
 *
 * A guest never sees a hardware interrupt.  What it gets instead are
 * events on ports: numbered channels of its domain, each bound to a
 * virtual IRQ (the timer, the console) or to a port of another domain.
 * Their state lives in the shared-info page, which the guest reads:
 *
 *   evtchn_pending[w] bit b   port 32w+b has an event
 *   evtchn_mask[w] bit b      ... which is not to be signalled now
 *   evtchn_pending_sel bit w  word w of evtchn_pending has unmasked work
 *   evtchn_upcall_pending     some word has: call the guest's handler
 *   evtchn_upcall_mask        the guest's interrupt flag, inverted
 *
 * Raising an event sets its pending bit; if it was clear and the port is
 * not masked, the selector bit and upcall_pending follow, and a vCPU
 * blocked for events wakes.  The upcall itself -- a bounce frame into the
 * guest's event callback -- is made on the next way back into the guest,
 * if upcall_mask allows (core/vcpu.c).  The guest's handler clears what it
 * handled, from the selector down to the pending bits.
 */
#include "core/event_channel.h"
#include "core/domain_table.h"
#include "core/schedule.h"
#include "core/shared_info_map.h"
#include "include/public/errno.h"
#include "include/public/xen.h"
#include "shadow/guest_copy.h"

static uint32_t bit(uint32_t port)
{
	return 1u << (port % 32);
}

/* Wake v if it waits for this (unmasked, if kicked) event. */
static void wake(struct vcpu *v, uint32_t port, bool kicked)
{
	if (v->wait == WAIT_EVENT && kicked)
		v->wait = WAIT_NONE;
	for (unsigned i = 0; v->wait == WAIT_POLL && i < v->poll_count; i++)
		if (v->poll_ports[i] == port)
			v->wait = WAIT_NONE;
	if (v->wait == WAIT_NONE)
		schedule_woken(v);
}

/* Set upcall_pending for word w if it has unmasked pending ports. */
static bool select_word(struct shared_info *si, uint32_t w)
{
	struct vcpu_info *vi = &si->vcpu_info[0];

	if (!(si->evtchn_pending[w] & ~si->evtchn_mask[w]))
		return false;
	vi->evtchn_pending_sel |= 1u << w;
	vi->evtchn_upcall_pending = 1;
	return true;
}

void evtchn_set_pending(struct domain *d, uint32_t port)
{
	struct shared_info *si;
	bool kicked;

	if (port >= EVTCHN_PORTS || !domain_alive(d))
		return;
	si = shared_info_map(d);
	if (si->evtchn_pending[port / 32] & bit(port)) {
		shared_info_unmap(si);
		return;			/* already pending: nothing new */
	}
	si->evtchn_pending[port / 32] |= bit(port);
	kicked = select_word(si, port / 32);
	shared_info_unmap(si);
	wake(&d->vcpu, port, kicked);
}

void evtchn_send_virq(struct vcpu *v, unsigned virq)
{
	if (virq < NR_VIRQS && v->virq_port[virq])
		evtchn_set_pending(v->domain, v->virq_port[virq]);
}

bool evtchn_is_pending(const struct domain *d, uint32_t port)
{
	struct shared_info *si = shared_info_map(d);
	bool pending = port < EVTCHN_PORTS && (si->evtchn_pending[port / 32] & bit(port));

	shared_info_unmap(si);
	return pending;
}

bool evtchn_is_masked(const struct domain *d, uint32_t port)
{
	struct shared_info *si = shared_info_map(d);
	bool masked = port < EVTCHN_PORTS && (si->evtchn_mask[port / 32] & bit(port));

	shared_info_unmap(si);
	return masked;
}


/* The domain a guest names: itself, or another live one. */
static struct domain *domain_named(struct vcpu *v, uint32_t id)
{
	if (id == DOMID_SELF || id == v->domain->id)
		return v->domain;
	if (id == 0 || id > MAX_DOMAINS || domains[id - 1].state == DOMAIN_UNUSED)
		return 0;
	return &domains[id - 1];
}

static uint32_t free_port(struct domain *d)
{
	for (uint32_t p = 1; p < EVTCHN_PORTS; p++)	/* port 0 is never used */
		if (d->evtchn[p].state == EVTCHN_FREE)
			return p;
	return 0;
}

static struct evtchn *port_of(struct domain *d, uint32_t port)
{
	return port > 0 && port < EVTCHN_PORTS && d->evtchn[port].state != EVTCHN_FREE ?
	       &d->evtchn[port] : 0;
}

static void close_port(struct domain *d, uint32_t port)
{
	struct evtchn *e = &d->evtchn[port];

	if (e->state == EVTCHN_INTERDOMAIN) {
		struct domain *r = &domains[e->remote_dom - 1];

		r->evtchn[e->remote_port] = (struct evtchn){
			EVTCHN_UNBOUND, 0, d->id, 0 };
	}
	if (e->state == EVTCHN_VIRQ)
		d->vcpu.virq_port[e->virq] = 0;
	*e = (struct evtchn){ EVTCHN_FREE, 0, 0, 0 };
}

void evtchn_close_all(struct domain *d)
{
	for (uint32_t p = 1; p < EVTCHN_PORTS; p++)
		if (d->evtchn[p].state != EVTCHN_FREE)
			close_port(d, p);
}

/* --- the hypercall: EVTCHNOP_*, each with its structure at arg[1] --- */

static long alloc_unbound(struct vcpu *v, struct evtchn_alloc_unbound *a)
{
	struct domain *remote = domain_named(v, a->remote_dom);
	uint32_t port = free_port(v->domain);

	if (domain_named(v, a->dom) != v->domain)
		return -XEN_EPERM;	/* only for itself, until the monitor */
	if (!remote)
		return -XEN_ESRCH;
	if (!port)
		return -XEN_ENOSPC;
	v->domain->evtchn[port] = (struct evtchn){ EVTCHN_UNBOUND, 0, remote->id, 0 };
	a->port = port;
	return 0;
}

/*
 * The remote port must be unbound and meant for us.  Events sent to it
 * before we bound are lost, so the new port starts pending (as on Xen).
 */
static long bind_interdomain(struct vcpu *v, struct evtchn_bind_interdomain *b)
{
	struct domain *d = v->domain, *r = domain_named(v, b->remote_dom);
	struct evtchn *re = r ? port_of(r, b->remote_port) : 0;
	uint32_t port = free_port(d);

	if (!re || re->state != EVTCHN_UNBOUND || re->remote_dom != d->id)
		return -XEN_EINVAL;
	if (!port)
		return -XEN_ENOSPC;
	d->evtchn[port] = (struct evtchn){ EVTCHN_INTERDOMAIN, 0, r->id, b->remote_port };
	*re = (struct evtchn){ EVTCHN_INTERDOMAIN, 0, d->id, port };
	b->local_port = port;
	evtchn_set_pending(d, port);
	return 0;
}

static long bind_virq(struct vcpu *v, struct evtchn_bind_virq *b)
{
	uint32_t port = free_port(v->domain);

	if (b->virq >= NR_VIRQS || b->vcpu != 0)
		return -XEN_EINVAL;
	if (v->virq_port[b->virq])
		return -XEN_EEXIST;
	if (!port)
		return -XEN_ENOSPC;
	v->domain->evtchn[port] = (struct evtchn){ EVTCHN_VIRQ, (uint8_t)b->virq, 0, 0 };
	v->virq_port[b->virq] = port;
	b->port = port;
	return 0;
}

static long send(struct vcpu *v, uint32_t port)
{
	struct evtchn *e = port_of(v->domain, port);

	if (!e || e->state == EVTCHN_VIRQ)
		return -XEN_EINVAL;
	if (e->state == EVTCHN_INTERDOMAIN)
		evtchn_set_pending(&domains[e->remote_dom - 1], e->remote_port);
	return 0;			/* unbound: nobody to tell */
}

static long unmask(struct vcpu *v, uint32_t port)
{
	struct shared_info *si;
	bool kicked;

	if (port >= EVTCHN_PORTS)
		return -XEN_EINVAL;
	si = shared_info_map(v->domain);
	si->evtchn_mask[port / 32] &= ~bit(port);
	kicked = (si->evtchn_pending[port / 32] & bit(port)) &&
		 select_word(si, port / 32);
	shared_info_unmap(si);
	wake(v, port, kicked);
	return 0;
}

static long close(struct vcpu *v, uint32_t port)
{
	if (!port_of(v->domain, port))
		return -XEN_EINVAL;
	close_port(v->domain, port);
	return 0;
}

/* Copy the argument in, run op, copy it back (ports come out in it). */
#define WITH_ARG(type, op)						\
	do {								\
		type a;							\
		long rc;						\
		if (!guest_copy_from(&v->shadow, &a, arg[1], sizeof(a)))	\
			return -XEN_EFAULT;				\
		rc = op(v, &a);						\
		if (rc == 0 && !guest_copy_to(&v->shadow, arg[1], &a, sizeof(a))) \
			return -XEN_EFAULT;				\
		return rc;						\
	} while (0)

static long port_op(struct vcpu *v, uint32_t cmd, uint32_t where)
{
	uint32_t port;

	if (!guest_copy_from(&v->shadow, &port, where, sizeof(port)))
		return -XEN_EFAULT;
	return cmd == EVTCHNOP_send ? send(v, port) :
	       cmd == EVTCHNOP_unmask ? unmask(v, port) : close(v, port);
}

long hc_event_channel_op(struct vcpu *v, const uint32_t *arg)
{
	switch (arg[0]) {
	case EVTCHNOP_alloc_unbound:
		WITH_ARG(struct evtchn_alloc_unbound, alloc_unbound);
	case EVTCHNOP_bind_interdomain:
		WITH_ARG(struct evtchn_bind_interdomain, bind_interdomain);
	case EVTCHNOP_bind_virq:
		WITH_ARG(struct evtchn_bind_virq, bind_virq);
	case EVTCHNOP_send:
	case EVTCHNOP_unmask:
	case EVTCHNOP_close:
		return port_op(v, arg[0], arg[1]);
	default:
		return -XEN_ENOSYS;
	}
}
