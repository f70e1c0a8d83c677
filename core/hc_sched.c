/*
 * hc_sched.c - sched_op: yield, block, poll, shutdown.
 *
 * Block and poll only mark the vCPU as waiting: the hypercall returns at
 * once, with its result already in EAX, and schedule() then runs someone
 * else until an event (or poll's timeout) makes the vCPU runnable again.
 * Warden never waits on its stack for a guest.
 */
#include "core/domain_table.h"
#include "core/event_channel.h"
#include "core/hypercall.h"
#include "core/schedule.h"
#include "core/time.h"
#include "core/vcpu.h"
#include "include/public/errno.h"
#include "include/public/sched.h"
#include "shadow/guest_copy.h"

static long shutdown(struct vcpu *v, uint32_t reason)
{
	if (reason > SHUTDOWN_MAX)
		return -XEN_EINVAL;
	domain_shutdown(v->domain, reason);
	return 0;
}

/* Block: events are enabled (Xen does that too), and unless one is already
 * due, the vCPU waits for the next. */
static long block(struct vcpu *v)
{
	vcpu_set_upcall_mask(v, 0);
	if (!evtchn_upcall_due(v))
		v->wait = WAIT_EVENT;
	return 0;
}

/* Poll: wait until one of the ports is pending, or the timeout (system
 * time in ns; 0 for none) passes. */
static long poll(struct vcpu *v, uint32_t arg)
{
	struct sched_poll p;

	if (!guest_copy_from(&v->shadow, &p, arg, sizeof(p)))
		return -XEN_EFAULT;
	if (p.nr_ports > POLL_PORTS_MAX)
		return -XEN_EINVAL;
	if (!guest_copy_from(&v->shadow, v->poll_ports, p.ports, p.nr_ports * 4))
		return -XEN_EFAULT;
	for (uint32_t i = 0; i < p.nr_ports; i++)
		if (evtchn_is_pending(v->domain, v->poll_ports[i]))
			return 0;
	if (p.timeout && p.timeout <= time_now_ns())
		return 0;
	v->poll_count = p.nr_ports;
	v->poll_deadline = p.timeout;
	v->wait = WAIT_POLL;
	return 0;
}

long hc_sched_op(struct vcpu *v, const uint32_t *arg)
{
	struct sched_shutdown s;

	switch (arg[0]) {
	case SCHEDOP_yield:
		schedule_yield();
		return 0;
	case SCHEDOP_block:
		return block(v);
	case SCHEDOP_poll:
		return poll(v, arg[1]);
	case SCHEDOP_shutdown:
		if (!guest_copy_from(&v->shadow, &s, arg[1], sizeof(s)))
			return -XEN_EFAULT;
		return shutdown(v, s.reason);
	default:
		return -XEN_ENOSYS;
	}
}

/* The pre-3.0.2 form: the shutdown reason is the argument itself. */
long hc_sched_op_compat(struct vcpu *v, const uint32_t *arg)
{
	if (arg[0] == SCHEDOP_shutdown)
		return shutdown(v, arg[1]);
	if (arg[0] == SCHEDOP_yield || arg[0] == SCHEDOP_block)
		return hc_sched_op(v, arg);	/* they take no argument */
	return -XEN_ENOSYS;
}
