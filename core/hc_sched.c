/*
 * hc_sched.c - sched_op: yield and shutdown.  (Block and poll come with
 * event channels.)
 */
#include "core/domain_table.h"
#include "core/hypercall.h"
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

long hc_sched_op(struct vcpu *v, const uint32_t *arg)
{
	struct sched_shutdown s;

	switch (arg[0]) {
	case SCHEDOP_yield:
		return 0;		/* one domain runs at a time, for now */
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
	switch (arg[0]) {
	case SCHEDOP_yield:
		return 0;
	case SCHEDOP_shutdown:
		return shutdown(v, arg[1]);
	default:
		return -XEN_ENOSYS;
	}
}
