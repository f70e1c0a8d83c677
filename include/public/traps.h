/*
 * traps.h - the guest's virtual IDT.
 *
 * A guest cannot load the real IDT.  It hands Warden a table of handlers
 * instead, with __HYPERVISOR_set_trap_table(traps): an array of struct
 * trap_info, ended by an entry whose address is 0.  (A call with traps = 0
 * clears the whole table.)  When an exception or a software `int n` reaches
 * Warden from the guest, Warden bounces it to the handler for its vector,
 * on the ring-1 stack set by __HYPERVISOR_stack_switch(ss, esp), with the
 * frame a native CPU would push.  A vector without a handler kills the
 * guest, as in Xen.
 *
 * flags holds two things:
 *  - bits 0-1, the DPL: which rings may reach the handler with a software
 *    `int n`, as a gate's DPL would: 0 none, 1 or 2 the kernel only, 3 the
 *    kernel and ring-3 programs (system calls).  Exceptions the CPU raises
 *    itself are delivered whatever the DPL.
 *  - bit 2: when set, events are masked on entry (evtchn_upcall_mask = 1),
 *    as an interrupt gate clears IF; when clear the handler runs with the
 *    mask as it was, as through a trap gate.
 */
#ifndef PUBLIC_TRAPS_H
#define PUBLIC_TRAPS_H

#ifndef __ASSEMBLER__
#include <stdint.h>

struct trap_info {
	uint8_t vector;			/* 0-255 */
	uint8_t flags;			/* DPL, and bit 2: mask events */
	uint16_t cs;			/* the handler's code selector */
	uint32_t address;		/* the handler; 0 ends the table */
};

_Static_assert(sizeof(struct trap_info) == 8, "Xen's 32-bit trap_info");

/* Xen's accessors; each takes a struct trap_info pointer. */
#define TI_GET_DPL(ti)		((ti)->flags & 3)
#define TI_GET_IF(ti)		((ti)->flags & 4)
#define TI_SET_DPL(ti, dpl)	((ti)->flags |= (dpl))
#define TI_SET_IF(ti, on)	((ti)->flags |= (!!(on) << 2))

#endif /* __ASSEMBLER__ */
#endif
