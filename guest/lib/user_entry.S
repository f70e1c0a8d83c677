/*
 * user_entry.S - into ring 3 and back out (see user.h).
 *
 * user_exec saves the callee-saved registers and its stack pointer, loads
 * ring-3 data selectors (a ring-1 DS would be nulled on the way out, and
 * ring 3 could not use it), and builds the frame the iret hypercall takes
 * for a return to ring 3: EIP CS EFLAGS ESP SS.  The hypercall page's iret
 * entry pushes EAX, which carries fn; ECX carries arg untouched.
 *
 * user_return runs when ring 3 executes `int $0x80`.  Warden delivers it
 * on our trap stack (stack_switch) with a ring-3 frame, which we simply
 * drop: we go back to the stack user_exec saved, and return its caller
 * EAX, fn's result.
 */
#include "include/public/arch_x86_32.h"
#include "include/public/xen.h"

#define EFLAGS_USER	0x202		/* IF, and the always-one bit */

	.text
	.globl user_exec
user_exec:				/* uint32_t user_exec(user_fn fn, uint32_t arg) */
	pushl %ebp
	pushl %ebx
	pushl %esi
	pushl %edi
	movl %esp, kernel_sp
	movl 20(%esp), %eax		/* fn */
	movl 24(%esp), %ecx		/* arg */
	movl $FLAT_RING3_DS, %edx
	movl %edx, %ds
	movl %edx, %es
	pushl $FLAT_RING3_SS
	pushl $user_stack_end
	pushl $EFLAGS_USER
	pushl $FLAT_RING3_CS
	pushl $user_entry
	jmp hypercall_page + __HYPERVISOR_iret * HYPERCALL_PAGE_ENTRY_SIZE

	.globl user_return
user_return:				/* int $0x80 from ring 3 */
	movl $FLAT_RING1_DS, %edx
	movl %edx, %ds
	movl %edx, %es
	movl kernel_sp, %esp
	popl %edi
	popl %esi
	popl %ebx
	popl %ebp
	ret

	.section .user.text, "ax"
user_entry:				/* ring 3: EAX = fn, ECX = arg */
	pushl %ecx
	call *%eax
	int $0x80			/* USER_RETURN_VECTOR, with EAX */

	.section .user.data, "aw"
	.balign 4096
user_stack:
	.fill 4096, 1, 0
user_stack_end:

	.data
	.balign 4
kernel_sp:				/* user_exec's stack, for user_return */
	.long 0
