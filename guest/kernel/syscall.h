/*
 * syscall.h - the system-call table, in a page of its own.
 *
 * syscall_table[n] handles system call n (abi.h); an empty slot is
 * -ENOSYS.  It is a plain array of function pointers in writable memory,
 * as in any kernel, and so exactly what a rootkit overwrites.  It fills one
 * page-aligned page alone (section .data.syscall_table), so that page can
 * be watched without watching anything else: the watch issue protects it.
 */
#ifndef KERNEL_SYSCALL_H
#define KERNEL_SYSCALL_H

#include <stdint.h>

#include "guest/lib/pt.h"

#define SYSCALL_VECTOR	0x80

/* Each gets the caller's EBX, ECX and EDX. */
typedef int32_t (*syscall_fn)(const uint32_t *arg);

#define SYSCALL_SLOTS	(PAGE_SIZE / sizeof(syscall_fn))
extern syscall_fn syscall_table[SYSCALL_SLOTS];

/* Register int $0x80 for ring 3. */
void syscall_init(void);

#endif
