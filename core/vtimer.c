/*
 * vtimer.c - the guests' clock and timer.
 *
 * System time is nanoseconds since Warden started (core/time.c).  A guest
 * reads it without a hypercall: Warden publishes, in its vcpu_time_info,
 * a TSC reading, the system time at that reading and the TSC-to-ns scale,
 * and the guest extrapolates from its own rdtsc.  The version field is odd
 * while Warden writes, so a guest can tell a torn read and retry.
 *
 * Timer events are VIRQ_TIMER, once per tick for every live vCPU (Xen's
 * periodic timer, 100 Hz).  A one-shot deadline set with set_timer_op
 * needs nothing of its own: the next tick, at most one tick after it,
 * makes the same event pending (and an event already pending is not
 * delivered twice); only a deadline already past fires at once.
 */
#include "core/vtimer.h"
#include "arch/x86_32/x86.h"
#include "core/domain_table.h"
#include "core/event_channel.h"
#include "core/shared_info_map.h"
#include "core/time.h"
#include "core/watch_event.h"

static void tick_vcpu(struct vcpu *v, uint64_t now)
{
	evtchn_send_virq(v, VIRQ_TIMER);
	if (v->wait == WAIT_POLL && v->poll_deadline && now >= v->poll_deadline)
		v->wait = WAIT_NONE;
}

void vtimer_tick(void)
{
	uint64_t now = time_now_ns();

	for (unsigned i = 0; i < MAX_DOMAINS; i++)
		if (domain_alive(&domains[i]))
			tick_vcpu(&domains[i].vcpu, now);
	watch_event_tick(now);
}

void vtimer_publish_now(struct vcpu *v)
{
	struct shared_info *si;

	v->time_published_tick = time_ticks() + 1;	/* 0 means never */
	si = shared_info_map(v->domain);
	struct vcpu_time_info *t = &si->vcpu_info[0].time;
	struct tsc_scale scale = time_tsc_scale();

	t->version++;			/* odd: being written */
	t->tsc_timestamp = rdtsc();
	t->system_time = time_tsc_to_ns(t->tsc_timestamp);
	t->tsc_to_system_mul = scale.mul;
	t->tsc_shift = scale.shift;
	t->version++;			/* even: consistent */
	shared_info_unmap(si);
}

long hc_set_timer_op(struct vcpu *v, const uint32_t *arg)
{
	uint64_t deadline = arg[0] | ((uint64_t)arg[1] << 32);

	if (deadline && deadline <= time_now_ns())
		evtchn_send_virq(v, VIRQ_TIMER);
	return 0;
}
