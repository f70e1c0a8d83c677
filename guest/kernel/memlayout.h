/*
 * memlayout.h - a process's address space, and the kernel's sizes.
 *
 *   0x00000000-0x003fffff  never mapped, so NULL and small numbers fault
 *   0x00400000-0xbfffffff  the process's own (USER_BASE-USER_TOP): its
 *                          stack just below USER_STACK_TOP, and whatever
 *                          it maps; tables made on demand (vm.c)
 *   0xc0000000-            the kernel, the same in every process (their L3
 *                          entry 3 names the kernel's own L2), with the
 *                          image's .user.* pages user-accessible: the
 *                          programs' code and constant strings
 */
#ifndef KERNEL_MEMLAYOUT_H
#define KERNEL_MEMLAYOUT_H

#define USER_BASE		0x00400000u
#define USER_TOP		0xc0000000u	/* VIRT_BASE */
#define USER_STACK_TOP		0x80000000u
#define USER_STACK_PAGES	2

#define NPROC			32		/* processes alive at once */
#define KSTACK_SIZE		8192		/* each process's kernel stack */
#define POOL_FRAMES		512		/* frames for processes (frame.c) */

#endif
