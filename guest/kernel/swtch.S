/*
 * swtch.S - switching kernel stacks, as xv6's swtch.
 *
 * swtch(&old, new) saves the callee-saved registers on the current stack,
 * stores the stack pointer in *old, loads new as the stack pointer and
 * pops the same registers from it: it returns on the other stack, to
 * whoever called swtch there.  Every switch goes from a process to the
 * scheduler or back (proc.c); the caller-saved registers are the C
 * compiler's business, and the segment registers never change.
 *
 *	struct context, lowest address first: EDI ESI EBX EBP EIP
 *
 * A new process has never called swtch.  proc.c gives it a context whose
 * EIP is proc_first_return, on top of a trap frame (struct cpu_regs) for
 * ring 3: the "return" lands here, and here it leaves the kernel the way
 * every trap does (trap_entry.S), into ring 3 for the first time.
 */
	.text
	.globl swtch
swtch:					/* void swtch(struct context **old, struct context *new) */
	movl 4(%esp), %eax
	movl 8(%esp), %edx
	pushl %ebp
	pushl %ebx
	pushl %esi
	pushl %edi
	movl %esp, (%eax)
	movl %edx, %esp
	popl %edi
	popl %esi
	popl %ebx
	popl %ebp
	ret

	.globl proc_first_return
proc_first_return:
	popal
	addl $8, %esp			/* the vector and the error code */
	jmp trap_return
