/*
 * boot.S - where a native kernel starts: the multiboot header, and the way
 * from "32-bit protected mode, paging off" to C at the kernel's addresses.
 *
 * A multiboot loader (QEMU's -kernel, GRUB) loads each segment at its
 * physical address (1 MiB up, native.ld) and jumps to native_entry with
 * paging off, EAX = the multiboot magic and EBX = the physical address of
 * the multiboot information.  The kernel is linked at VIRT_BASE plus its
 * physical address -- so that, as on Warden, a kernel address minus
 * VIRT_BASE is the frame behind it (pt.h) -- and so paging must map it
 * there before any C runs.  These boot tables map the first 8 MiB twice
 * with 2 MiB pages: at 0, so that the instruction after the one that turns
 * paging on is still mapped, and at VIRT_BASE.  paging.c replaces them
 * with the kernel's real tables; until then the whole image is writable.
 */
#define MULTIBOOT_MAGIC		0x1BADB002
#define MULTIBOOT_FLAGS		0		/* an ELF image: nothing to ask */

#define CR0_WP			(1 << 16)
#define CR0_PG			(1 << 31)
#define CR4_PAE			(1 << 5)
#define PDE_BIG			0x83		/* P, RW, PS: one 2 MiB page */
#define BOOT_MAP_PAGES		4		/* 8 MiB; native.ld checks the image fits */

	.section .multiboot, "a"
	.balign 4
	.long MULTIBOOT_MAGIC
	.long MULTIBOOT_FLAGS
	.long -(MULTIBOOT_MAGIC + MULTIBOOT_FLAGS)

	.section .boot.text, "ax"
	.globl native_entry
native_entry:				/* physical addresses, paging off */
	cli
	cld
	movl %cr4, %ecx
	orl $CR4_PAE, %ecx
	movl %ecx, %cr4
	movl $boot_l3, %ecx
	movl %ecx, %cr3
	movl %cr0, %ecx
	orl $(CR0_PG | CR0_WP), %ecx
	movl %ecx, %cr0
	movl $native_high, %ecx		/* the same code, at VIRT_BASE up */
	jmp *%ecx

	.section .boot.data, "aw"
	.balign 4096
boot_l2:
	.set page, 0
	.rept BOOT_MAP_PAGES
	.long (page << 21) | PDE_BIG, 0
	.set page, page + 1
	.endr
	.fill 512 - BOOT_MAP_PAGES, 8, 0
boot_l3:				/* page-aligned, so 32-byte aligned too */
	.long boot_l2 + 1, 0		/* 0-1 GiB: the boot code, where it runs */
	.long 0, 0
	.long 0, 0
	.long boot_l2 + 1, 0		/* VIRT_BASE up: the kernel */

	.text
native_high:
	movl $native_stack_top, %esp
	xorl %ebp, %ebp
	pushl %ebx			/* the multiboot information */
	pushl %eax			/* the magic */
	call native_start
	ud2

	.bss
	.balign 16
native_stack:
	.space 16384
native_stack_top:
