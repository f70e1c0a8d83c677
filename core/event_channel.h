/*
 * event_channel.h - Xen's event channels: Warden's virtual interrupts.
 */
#ifndef CORE_EVENT_CHANNEL_H
#define CORE_EVENT_CHANNEL_H

#include <stdbool.h>
#include <stdint.h>
#include "core/domain.h"
#include "core/shared_info_map.h"

/* Make port pending in d, and wake d's vCPU if it waits for it. */
void evtchn_set_pending(struct domain *d, uint32_t port);

/* Raise virtual IRQ virq for vCPU v, if v bound a port to it. */
void evtchn_send_virq(struct vcpu *v, unsigned virq);

/* Whether port of d is pending (for poll). */
bool evtchn_is_pending(const struct domain *d, uint32_t port);

/* Whether port of d is masked. */
bool evtchn_is_masked(const struct domain *d, uint32_t port);

/* Whether v has an event to deliver: upcall pending and not masked.  On
 * every way into a guest, so inline. */
static inline bool evtchn_upcall_due(const struct vcpu *v)
{
	struct shared_info *si = shared_info_map(v->domain);
	bool due = si->vcpu_info[0].evtchn_upcall_pending &&
		   !si->vcpu_info[0].evtchn_upcall_mask;

	shared_info_unmap(si);
	return due;
}

/* Close every port of d (its peers' ports become unbound again). */
void evtchn_close_all(struct domain *d);

/* The hypercall. */
long hc_event_channel_op(struct vcpu *v, const uint32_t *arg);

#endif
