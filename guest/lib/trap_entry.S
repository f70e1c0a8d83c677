/*
 * trap_entry.S - how an exception reaches a guest's C code, and how it returns.
 *
 * Warden bounces an exception to the handler in our trap table (traps.c)
 * with the frame a CPU would push for a ring-1 handler (Xen's "bounce
 * frame"), lowest address first:
 *
 *	[error code] EIP CS EFLAGS		from ring 1: on the same stack
 *	[error code] EIP CS EFLAGS ESP SS	from ring 3: on our trap stack
 *
 * One stub per vector, generated below, makes that uniform: it pushes a
 * zero where the CPU pushed no error code, then the vector number, and
 * jumps to trap_common, which saves the general registers and calls
 * trap_dispatch(struct cpu_regs *) (traps.h shows the layout).  The C side
 * may change any saved register, EIP included.
 *
 * A ring-1 kernel cannot return with `iret`: its interrupt flag is the
 * event mask in shared info, which only Warden can restore together with
 * the registers.  So trap_common drops the vector and error code, leaving
 * EIP CS EFLAGS [ESP SS] on top, and jumps to trap_return, which the
 * backend provides (backend.h): on Warden the hypercall page's iret entry,
 * which pushes EAX and makes hypercall 23; on a bare CPU, `iret`.
 */

/* Exceptions with an error code: 8, 10-14, 17, 21 (Warden bounces these
 * with one; every other vector, int n included, has none). */
#define ERROR_CODE_VECTORS	0x00227d00

	.altmacro

/* The stub for one vector; the loop below sets error_code for it. */
.macro trap_stub vector
	.p2align 4
trap_stub_\vector:
	.if error_code == 0
	pushl $0
	.endif
	pushl $\vector
	jmp trap_common
.endm

.macro trap_stub_address vector
	.long trap_stub_\vector
.endm

	.text
.set vector, 0
.rept 256
	.set error_code, (vector < 32) && ((ERROR_CODE_VECTORS >> (vector & 31)) & 1)
	trap_stub %vector
	.set vector, vector + 1
.endr

trap_common:
	pushal
	cld
	pushl %esp			/* struct cpu_regs * */
	call trap_dispatch
	addl $4, %esp
	popal
	addl $8, %esp			/* the vector and the error code */
	jmp trap_return

	.section .rodata
	.balign 4
	.globl trap_stubs
trap_stubs:				/* trap_stubs[v]: the stub for vector v */
.set vector, 0
.rept 256
	trap_stub_address %vector
	.set vector, vector + 1
.endr
