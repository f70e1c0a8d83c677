/*
 * trap_entry.S - the way into Warden for every interrupt and exception.
 *
 * One stub per vector, generated below rather than typed: a stub pushes a
 * zero where the CPU pushes no error code, pushes its vector number and
 * jumps to trap_common, which saves the rest of the registers into a
 * struct trap_frame (trap_frame.h).  Then there are three ways on:
 *
 * From Warden itself (ring 0, in Warden's address space): call
 * trap_dispatch() on the same stack; when it returns, restore and IRET.
 *
 * From a guest (ring 1 or 3): the CPU has switched to the stack in the TSS,
 * the top of the trap-stack page, which is mapped at the same address in the
 * guest's address space and in Warden's.  We are still in the guest's
 * address space, where nothing of Warden but this switcher region exists,
 * so: switch CR3 to Warden's, switch to Warden's own stack, and call
 * guest_trap() with the frame.  It never returns: it ends by entering a
 * guest again through switcher_enter_guest(), so Warden never waits on its
 * stack and each trap starts on a fresh one.
 *
 * From ring 0 but in a guest's address space: only the last instructions of
 * switcher_enter_guest() run there, and they fault only if the guest gave
 * bad segment selectors or a bad frame.  That is the guest's fault, not
 * Warden's: switch to Warden's address space and call guest_exit_fault().
 *
 * The stubs live in the switcher section, which every guest address space
 * maps read-only: they are the only Warden code a guest's trap reaches.
 * trap_vectors[] is the table of stub addresses that idt_build() reads.
 */
#include "arch/x86_32/memlayout.h"
#include "arch/x86_32/segments.h"
#include "arch/x86_32/trap_frame.h"

	.section .switcher.text, "ax"

/* Back to the interrupted code: the frame's registers, then iret. */
.macro restore_frame_and_iret
	popal
	popl %gs
	popl %fs
	popl %es
	popl %ds
	addl $8, %esp			/* vector and error code */
	iret
.endm


	.altmacro
.macro trap_stub n
	.balign 16
trap_stub_\n:
	.if !TRAP_HAS_ERROR_CODE(\n)
	pushl $0
	.endif
	pushl $\n
	jmp trap_common
.endm

.macro trap_vector_entry n
	.long trap_stub_\n
.endm

	.set vec, 0
	.rept 256
	trap_stub %vec
	.set vec, vec + 1
	.endr

trap_common:
	pushl %ds
	pushl %es
	pushl %fs
	pushl %gs
	pushal
	movl $WARDEN_DS, %eax
	movl %eax, %ds
	movl %eax, %es
	cld
	testl $3, TRAP_FRAME_CS(%esp)
	jnz from_guest
	movl %cr3, %eax
	cmpl switcher_warden_cr3, %eax
	jne exit_fault
	pushl %esp			/* struct trap_frame * */
	call trap_dispatch
	addl $4, %esp
	restore_frame_and_iret

/* Into Warden's address space and onto its own fresh stack, then
 * handler(frame); the handler never returns. */
.macro enter_warden handler
	movl switcher_warden_cr3, %eax
	movl %eax, %cr3
	movl %esp, %eax			/* the frame, in the trap-stack page */
	movl $_stack_top, %esp
	xorl %ebp, %ebp			/* a backtrace ends here */
	pushl %eax
	call \handler
	ud2
.endm

from_guest:
	enter_warden guest_trap

exit_fault:
	enter_warden guest_exit_fault

/*
 * switcher_enter_guest(cr3): the only way into a guest.  The caller has
 * written the guest's whole frame at the top of the trap-stack page; load
 * the guest's (shadow) address space, where this code and that page are
 * mapped at the same addresses, and restore the frame.
 */
	.globl switcher_enter_guest
switcher_enter_guest:
	movl 4(%esp), %eax
	movl $(_trap_page + PAGE_SIZE - TRAP_FRAME_SIZE), %esp
	movl %eax, %cr3
	restore_frame_and_iret

/*
 * The double-fault task.  A #DF usually means Warden's stack is gone (it
 * overflowed into the guard page), so #DF is a task gate: the CPU switches
 * to a TSS of its own with a fresh stack and lands here.
 */
	.globl double_fault_task
double_fault_task:
	xorl %ebp, %ebp
	call double_fault_report	/* never returns */
1:	hlt
	jmp 1b

	.section .switcher.data, "aw"
	.balign 4
	.globl switcher_warden_cr3
switcher_warden_cr3:			/* Warden's CR3, for the way in */
	.long 0

	.globl trap_vectors
trap_vectors:
	.set vec, 0
	.rept 256
	trap_vector_entry %vec
	.set vec, vec + 1
	.endr
