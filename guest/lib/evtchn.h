/*
 * evtchn.h - event channels from the guest's side: the hypercalls that
 * make and use ports, and each port's two bits in shared info.
 *
 * A port is a number in our domain.  Warden (or a peer domain, through
 * EVTCHNOP_send) makes it pending by setting its bit in
 * shared_info.evtchn_pending; we own its bit in evtchn_mask and set it
 * without a hypercall.  Clearing it is EVTCHNOP_unmask, because a port that
 * became pending while masked must then be delivered, and only Warden can
 * do that.  How a pending port reaches our code is events.h's business.
 */
#ifndef GUEST_LIB_EVTCHN_H
#define GUEST_LIB_EVTCHN_H

#include <stdbool.h>
#include <stdint.h>

#include "include/public/event_channel.h"

/* Each returns the new port (> 0), or -XEN_Exxx. */
long evtchn_alloc_unbound(domid_t remote_dom);
long evtchn_bind_interdomain(domid_t remote_dom, evtchn_port_t remote_port);
long evtchn_bind_virq(uint32_t virq);

/* Each returns 0 or -XEN_Exxx. */
long evtchn_send(evtchn_port_t port);
long evtchn_unmask(evtchn_port_t port);
long evtchn_close(evtchn_port_t port);

/* The bits, read and written directly.  A change is one locked
 * instruction: a timer interrupt between a load and a store would let
 * Warden set a bit of the same word that our store then wipes out. */
void evtchn_mask(evtchn_port_t port);
void evtchn_clear(evtchn_port_t port);
bool evtchn_is_pending(evtchn_port_t port);
bool evtchn_is_masked(evtchn_port_t port);

#endif
