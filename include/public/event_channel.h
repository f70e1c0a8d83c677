/*
 * event_channel.h - event channels: __HYPERVISOR_event_channel_op(cmd, arg).
 *
 * An event channel is a numbered port in a domain that can be made pending
 * (shared_info.h says how the guest sees that).  A port is bound to a
 * source: a virtual IRQ such as the timer (EVTCHNOP_bind_virq), or a port
 * of another domain (EVTCHNOP_alloc_unbound there, then bind_interdomain
 * here), after which EVTCHNOP_send on one end makes the other pending.
 * With Xen's two-level ABI a 32-bit guest has EVTCHN_2L_NR_CHANNELS ports.
 */
#ifndef PUBLIC_EVENT_CHANNEL_H
#define PUBLIC_EVENT_CHANNEL_H

#define EVTCHNOP_bind_interdomain	0
#define EVTCHNOP_bind_virq		1	/* arg: struct evtchn_bind_virq * */
#define EVTCHNOP_bind_pirq		2
#define EVTCHNOP_close			3	/* arg: struct evtchn_close * */
#define EVTCHNOP_send			4	/* arg: struct evtchn_send * */
#define EVTCHNOP_status			5
#define EVTCHNOP_alloc_unbound		6	/* arg: struct evtchn_alloc_unbound * */
#define EVTCHNOP_bind_ipi		7
#define EVTCHNOP_bind_vcpu		8
#define EVTCHNOP_unmask			9	/* arg: struct evtchn_unmask * */
#define EVTCHNOP_reset			10
#define EVTCHNOP_init_control		11
#define EVTCHNOP_expand_array		12
#define EVTCHNOP_set_priority		13

#define EVTCHN_2L_NR_CHANNELS		1024	/* 32 words of 32 bits */

/* Virtual IRQs ("V": one per vCPU, "G": one per domain). */
#define VIRQ_TIMER			0	/* V: timer fired */
#define VIRQ_DEBUG			1	/* V: dump debug state */
#define VIRQ_CONSOLE			2	/* G: console input (dom0) */
#define VIRQ_DOM_EXC			3	/* G: some domain crashed (dom0) */
#define NR_VIRQS			24

#ifndef __ASSEMBLER__
#include <stdint.h>

#include "include/public/xen.h"

typedef uint32_t evtchn_port_t;

struct evtchn_bind_virq {
	uint32_t virq;			/* in: VIRQ_* */
	uint32_t vcpu;			/* in */
	evtchn_port_t port;		/* out */
};

/* Make a port in dom that remote_dom may bind to. */
struct evtchn_alloc_unbound {
	domid_t dom;			/* in: DOMID_SELF unless privileged */
	domid_t remote_dom;		/* in */
	evtchn_port_t port;		/* out */
};

/* Connect a new local port to remote_port of remote_dom, which must have
 * been allocated unbound for this domain. */
struct evtchn_bind_interdomain {
	domid_t remote_dom;		/* in */
	evtchn_port_t remote_port;	/* in */
	evtchn_port_t local_port;	/* out */
};

struct evtchn_close {
	evtchn_port_t port;
};

struct evtchn_send {
	evtchn_port_t port;
};

/* Unmask port and deliver it if it became pending while masked. */
struct evtchn_unmask {
	evtchn_port_t port;
};

_Static_assert(sizeof(struct evtchn_bind_virq) == 12, "Xen's evtchn_bind_virq");
_Static_assert(sizeof(struct evtchn_alloc_unbound) == 8, "Xen's evtchn_alloc_unbound");
_Static_assert(sizeof(struct evtchn_bind_interdomain) == 12, "Xen's evtchn_bind_interdomain");

#endif /* __ASSEMBLER__ */
#endif
