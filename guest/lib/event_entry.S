/*
 * event_entry.S - the event callback: where Warden's upcall enters us.
 *
 * Warden comes here with events masked and, on the interrupted stack (our
 * trap stack if ring 3 was interrupted), the frame of an exception without
 * an error code:
 *
 *	EIP CS EFLAGS [ESP SS]
 *
 * CS bits 16-23 hold the event mask the interrupted code had, and
 * EFLAGS.IF says the same.  We push a zero error code and EVENT_VECTOR so
 * that the C side gets a struct cpu_regs like an exception's, save every
 * general register, and call events_dispatch().  The way out is the iret
 * hypercall (as trap_entry.S's): it restores the registers and, from the
 * saved EFLAGS.IF, the event mask in one step -- there is no moment at
 * which events are on but we are still on this frame, so upcalls never
 * nest and the stack cannot grow with them.
 */
#include "include/public/xen.h"

#define EVENT_VECTOR	0x100	/* events.h */

	.text
	.globl event_entry
event_entry:
	pushl $0			/* no error code */
	pushl $EVENT_VECTOR
	pushal
	cld
	pushl %esp			/* struct cpu_regs * */
	call events_dispatch
	addl $4, %esp
	popal
	addl $8, %esp			/* the vector and the error code */
	jmp hypercall_page + __HYPERVISOR_iret * HYPERCALL_PAGE_ENTRY_SIZE
