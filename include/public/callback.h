/*
 * callback.h - the entry points through which Warden enters a guest kernel
 * on its own initiative, not because of a trap the guest caused.
 *
 *  - The event callback runs when an event channel is pending and the
 *    guest has not masked events (shared_info.h); it is the guest's
 *    interrupt handler.  Events are masked on entry.
 *  - The failsafe callback runs when Warden cannot return to the guest
 *    because a segment register the guest left holds a selector that no
 *    longer loads; the guest's DS, ES, FS and GS are pushed above the
 *    usual frame so the handler can see them and load good ones.
 *
 * A guest registers them with __HYPERVISOR_callback_op(CALLBACKOP_register,
 * struct callback_register *), or with the older
 * __HYPERVISOR_set_callbacks(event cs, event eip, failsafe cs, failsafe eip).
 */
#ifndef PUBLIC_CALLBACK_H
#define PUBLIC_CALLBACK_H

/* callback_register.type */
#define CALLBACKTYPE_event		0
#define CALLBACKTYPE_failsafe		1
#define CALLBACKTYPE_syscall		2	/* 64-bit guests */
#define CALLBACKTYPE_sysenter_deprecated 3
#define CALLBACKTYPE_nmi		4
#define CALLBACKTYPE_sysenter		5
#define CALLBACKTYPE_syscall32		7	/* 64-bit hypervisors, AMD */

/* callback_register.flags: mask events on entry (ignored for event, nmi) */
#define CALLBACKF_mask_events		(1 << 0)

/* __HYPERVISOR_callback_op commands */
#define CALLBACKOP_register		0	/* arg: struct callback_register * */
#define CALLBACKOP_unregister		1	/* arg: struct callback_unregister * */

#ifndef __ASSEMBLER__
#include <stdint.h>

/* A far address in the guest: 32-bit Xen's xen_callback_t. */
struct xen_callback {
	uint32_t cs;
	uint32_t eip;
};

struct callback_register {
	uint16_t type;			/* CALLBACKTYPE_* */
	uint16_t flags;			/* CALLBACKF_* */
	struct xen_callback address;
};

struct callback_unregister {
	uint16_t type;
	uint16_t unused;
};

_Static_assert(sizeof(struct callback_register) == 12, "Xen's 32-bit callback_register");
_Static_assert(sizeof(struct callback_unregister) == 4, "Xen's callback_unregister");

#endif /* __ASSEMBLER__ */
#endif
