/*
 * boot.S - from the boot loader to C.
 *
 * A multiboot loader leaves us in 32-bit protected mode, paging off, at
 * _start (linked and loaded at 1 MiB), with the magic in EAX and the
 * multiboot information's physical address in EBX.  Warden's C code is
 * linked at 0xF6800000, so before it can run, paging must map it there.
 * The boot page tables below do that statically with 2 MiB pages:
 *
 *   0x00000000-0x3FFFFFFF -> 0..1 GiB  identity, so the next instruction
 *                                      after enabling paging still runs
 *   0x80000000-0xBFFFFFFF -> 0..1 GiB  the direct map, so C can read the
 *                                      multiboot information
 *   0xF6800000-0xF77FFFFF -> 2..18 MiB Warden's image
 *
 * C then builds Warden's real address space (mm/warden_space.c) with 4 KiB
 * pages and proper rights, and never uses these tables again.
 */
#include "arch/x86_32/memlayout.h"
#include "arch/x86_32/exit_status.h"

#define MULTIBOOT_MAGIC		0x1BADB002
#define MULTIBOOT_FLAGS		0x00000003	/* page-aligned modules, memory map */

#define PDE_LARGE		0x83		/* P | RW | PS: a 2 MiB page */
#define CPUID_PAE		(1 << 6)
#define CR4_PAE			(1 << 5)
#define CR0_PG_WP		0x80010000

	.section .multiboot, "a"
	.balign 4
	.long MULTIBOOT_MAGIC
	.long MULTIBOOT_FLAGS
	.long -(MULTIBOOT_MAGIC + MULTIBOOT_FLAGS)

	.section .boot.text, "ax"
	.code32
	.globl _start
_start:
	cli
	cld
	movl %eax, %esi			/* keep the loader's magic */
	movl %ebx, %edi			/* and its information pointer */

	movl $1, %eax			/* without PAE there is no way on */
	cpuid
	testl $CPUID_PAE, %edx
	jz no_pae

	movl %cr4, %eax
	orl $CR4_PAE, %eax
	movl %eax, %cr4
	movl $boot_pdpt, %eax
	movl %eax, %cr3
	movl %cr0, %eax
	orl $CR0_PG_WP, %eax
	movl %eax, %cr0

	/* Paging is on; from here the high addresses work. */
	movl $_bss_start, %ecx		/* zero .bss: loaders need not */
	movl $_bss_end, %edx
1:	cmpl %edx, %ecx
	jae 2f
	movl $0, (%ecx)
	addl $4, %ecx
	jmp 1b
2:	movl $_stack_top, %esp
	xorl %ebp, %ebp			/* a backtrace ends here */
	pushl %edi
	pushl %esi
	movl $warden_main, %eax
	call *%eax
	ud2				/* warden_main never returns */

/* No console yet: push the bytes straight at COM1, then exit. */
no_pae:
	movl $no_pae_message, %esi
	movw $0x3f8, %dx
1:	lodsb
	testb %al, %al
	jz 2f
	outb %al, %dx
	jmp 1b
2:	movw $EXIT_PORT, %dx
	movb $EXIT_BAD_CPU, %al
	outb %al, %dx
3:	hlt
	jmp 3b

no_pae_message:
	.asciz "warden: this CPU lacks PAE; under QEMU use -cpu qemu32,+nx\r\n"

/*
 * The boot page tables.  The L3 table must be 32-byte aligned; L2 tables
 * are pages.  L3 entries may hold only P (plus cache bits).
 */
	.section .boot.data, "aw"
	.balign 4096
boot_l2_low:				/* 512 x 2 MiB = the first GiB */
	.set pa, 0
	.rept 512
	.long pa | PDE_LARGE, 0
	.set pa, pa + LARGE_PAGE_SIZE
	.endr

boot_l2_high:				/* the top GiB: Warden's image only */
	.set slot, 0
	.rept 512
	.if slot >= ((WARDEN_BASE - 0xC0000000) >> 21) && slot < ((WARDEN_BASE - 0xC0000000 + WARDEN_IMAGE_MAX) >> 21)
	.long (WARDEN_LOAD_PA + ((slot - ((WARDEN_BASE - 0xC0000000) >> 21)) << 21)) | PDE_LARGE, 0
	.else
	.long 0, 0
	.endif
	.set slot, slot + 1
	.endr

	.balign 32
boot_pdpt:
	.long boot_l2_low + 1, 0	/* 0x00000000: identity */
	.long 0, 0
	.long boot_l2_low + 1, 0	/* 0x80000000: direct map */
	.long boot_l2_high + 1, 0	/* 0xC0000000: Warden */

/* Warden's boot stack; the linker puts a guard page below it. */
	.section .stack, "aw", @nobits
	.balign 4096
	.space 16384
