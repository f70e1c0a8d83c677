/*
 * abi.h - the system calls of the test kernel, shared by the kernel and
 * its programs.
 *
 * A program calls with `int $0x80`, which the kernel registers with DPL 3
 * so ring 3 may use it: EAX = the number, EBX, ECX, EDX = the arguments;
 * the result comes back in EAX, >= 0, or a negative error below.  Every
 * other register is kept.  The kernel finds the handler in syscall_table
 * (syscall.h), a page of its own.
 */
#ifndef KERNEL_ABI_H
#define KERNEL_ABI_H

enum sysno {
	SYS_exit = 1,		/* status: does not return */
	SYS_write,		/* fd, buffer, length: length written */
	SYS_getpid,		/* the caller's process id */
	SYS_spawn,		/* program (programs.h), argument: the new pid */
	SYS_yield,		/* let the next process run */
	SYS_sleep,		/* ticks (10 ms each) */
	SYS_map,		/* va, pages, MAP_*: fresh zeroed pages */
	SYS_unmap,		/* va, pages: pages not mapped are skipped */
	SYS_share,		/* dst, src, SHARE_*: src's frame at dst too */
	SYS_pteflags,		/* va, PTEFLAGS_*: the page's entry bits (PTEF_*) */
	SYS_poke,		/* addr, value: the demo's hole (poke.c) */
	SYS_COUNT
};

/* write's file descriptors. */
#define FD_CONSOLE		1
#define FD_FAILURE		2	/* the line is a failure: the test fails */

#define MAP_WRITE		1

#define SHARE_WRITE		1	/* both addresses write the one frame */
#define SHARE_COW		2	/* both read-only until written: then a copy */

#define PTEFLAGS_CLEAR		1	/* and clear A and D after reading them */

/* What pteflags returns: the bits of the page's L1 entry, as the CPU
 * (and the kernel) left them; 0 if nothing is mapped. */
#define PTEF_P			0x001
#define PTEF_RW			0x002
#define PTEF_US			0x004
#define PTEF_A			0x020
#define PTEF_D			0x040
#define PTEF_COW		0x200	/* an available bit: copy on write */

#define EBADF			9
#define EAGAIN			11	/* no free process slot */
#define ENOMEM			12
#define EFAULT			14
#define EEXIST			17
#define EINVAL			22
#define ENOSYS			38

#endif
