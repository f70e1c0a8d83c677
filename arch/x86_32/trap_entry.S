/*
 * trap_entry.S - the way into Warden for every interrupt and exception.
 *
 * One stub per vector, generated below rather than typed: a stub pushes a
 * zero where the CPU pushes no error code, pushes its vector number and
 * jumps to trap_common, which saves the rest of the registers into a
 * struct trap_frame (trap_frame.h) and calls trap_dispatch() in C.  When
 * that returns, the same frame is restored and IRET resumes the context.
 *
 * The stubs live in the switcher section, which every guest address space
 * maps read-only: they are the only Warden code a guest's trap reaches.
 * trap_vectors[] is the table of stub addresses that idt_init() reads.
 */
#include "arch/x86_32/segments.h"

	.section .switcher.text, "ax"

/* Vectors for which the CPU pushes an error code itself. */
#define HAS_ERROR_CODE(n) ((n) == 8 || ((n) >= 10 && (n) <= 14) || \
			   (n) == 17 || (n) == 21 || (n) == 29 || (n) == 30)

	.altmacro
.macro trap_stub n
	.balign 16
trap_stub_\n:
	.if !HAS_ERROR_CODE(\n)
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
	pushl %esp			/* struct trap_frame * */
	call trap_dispatch
	addl $4, %esp
	popal
	popl %gs
	popl %fs
	popl %es
	popl %ds
	addl $8, %esp			/* vector and error code */
	iret

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
	.globl trap_vectors
trap_vectors:
	.set vec, 0
	.rept 256
	trap_vector_entry %vec
	.set vec, vec + 1
	.endr
