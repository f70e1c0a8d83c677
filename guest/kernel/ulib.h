/*
 * ulib.h - what programs are written with: system calls and a few helpers,
 * all in ring 3.
 *
 * Program code lives in the image's .user.text and runs in ring 3, where
 * only user pages can be reached.  So it must never call kernel code, nor
 * let the compiler do so behind its back: __user_fn puts a function in
 * .user.text and keeps GCC from turning loops into calls to memset or
 * memcpy, or switches into jump tables in the kernel's .rodata.  Constant
 * strings go in .user.data (__user_data); anything a program writes is on
 * its stack or in pages it maps.  The system-call stubs are always
 * inlined, so they cost no call.
 */
#ifndef KERNEL_ULIB_H
#define KERNEL_ULIB_H

#include <stdint.h>

#include "guest/kernel/abi.h"
#include "guest/kernel/programs.h"
#include "guest/lib/user.h"

#define __user_fn	__user_text \
	__attribute__((optimize("no-tree-loop-distribute-patterns", "no-jump-tables")))
#define __sys		static inline __attribute__((always_inline))

#define UPAGE		4096u

__sys int32_t syscall3(uint32_t n, uint32_t a, uint32_t b, uint32_t c)
{
	int32_t r;

	__asm__ volatile("int $0x80" : "=a"(r) : "a"(n), "b"(a), "c"(b), "d"(c) : "memory");
	return r;
}

__sys _Noreturn void sys_exit(int32_t status)
{
	syscall3(SYS_exit, (uint32_t)status, 0, 0);
	__builtin_unreachable();
}

__sys int32_t sys_write(uint32_t fd, const void *buf, uint32_t len)
{
	return syscall3(SYS_write, fd, (uint32_t)(uintptr_t)buf, len);
}

__sys int32_t sys_getpid(void)
{
	return syscall3(SYS_getpid, 0, 0, 0);
}

__sys int32_t sys_spawn(uint32_t prog, uint32_t arg)
{
	return syscall3(SYS_spawn, prog, arg, 0);
}

__sys int32_t sys_yield(void)
{
	return syscall3(SYS_yield, 0, 0, 0);
}

__sys int32_t sys_sleep(uint32_t ticks)
{
	return syscall3(SYS_sleep, ticks, 0, 0);
}

__sys int32_t sys_map(uint32_t va, uint32_t pages, uint32_t flags)
{
	return syscall3(SYS_map, va, pages, flags);
}

__sys int32_t sys_unmap(uint32_t va, uint32_t pages)
{
	return syscall3(SYS_unmap, va, pages, 0);
}

__sys int32_t sys_share(uint32_t dst, uint32_t src, uint32_t flags)
{
	return syscall3(SYS_share, dst, src, flags);
}

__sys int32_t sys_pteflags(uint32_t va, uint32_t flags)
{
	return syscall3(SYS_pteflags, va, flags, 0);
}

__sys int32_t sys_poke(uint32_t addr, uint32_t value)
{
	return syscall3(SYS_poke, addr, value, 0);
}

/* A line on the console: s, or s and n in decimal. */
void uputs(const char *s);
void uputn(const char *s, int32_t n);

/* Report a failure (the test fails) unless got == want; the second form
 * names an address and shows the numbers in hex. */
void uexpect(const char *what, int32_t got, int32_t want);
void uexpect_at(const char *what, uint32_t at, uint32_t got, uint32_t want);

/* FNV-1a, for checksums: over n bytes at p, or over one word. */
uint32_t fnv_bytes(uint32_t h, const volatile void *p, uint32_t n);
uint32_t fnv_word(uint32_t h, uint32_t w);
#define FNV_START	2166136261u

#endif
