/*
 * hypercall.h - making a hypercall from a guest kernel.
 *
 * There are two ways, with the same registers and the same effect:
 *
 *  - Directly: load the registers as xen.h describes and `int $0x82`.
 *    The stubs below do that, so a guest needs nothing else.
 *  - Through the hypercall page: `call hypercall_page + nr * 32`, where
 *    hypercall_page is a page of the guest's image that it named with
 *    XEN_ELFNOTE_HYPERCALL_PAGE and that the loader filled (Xen kernels
 *    are written this way).  Each entry loads EAX and traps for the guest.
 *
 * Only ring 1 may make hypercalls.  Pointer arguments are guest-virtual
 * addresses: pass (uint32_t)(uintptr_t)ptr.  The result is >= 0 on success
 * or -XEN_Exxx (errno.h).
 */
#ifndef PUBLIC_HYPERCALL_H
#define PUBLIC_HYPERCALL_H

#ifndef __i386__
#error "hypercall.h traps into the hypervisor: it is for 32-bit guest code"
#endif

#include <stdint.h>

#include "include/public/xen.h"

/*
 * Every argument register is an in-out operand because Warden may change
 * it; "memory" because a hypercall may read and write guest memory through
 * its pointer arguments.  The calls with fewer arguments pass zeros in the
 * registers they do not use, which Warden ignores.
 */
static inline int32_t _hypercall5(uint32_t nr, uint32_t a1, uint32_t a2,
				  uint32_t a3, uint32_t a4, uint32_t a5)
{
	uint32_t eax = nr;

	__asm__ volatile("int %[vector]"
		     : "+a"(eax), "+b"(a1), "+c"(a2), "+d"(a3), "+S"(a4), "+D"(a5)
		     : [vector] "i"(HYPERCALL_VECTOR)
		     : "memory");
	return (int32_t)eax;
}

static inline int32_t _hypercall4(uint32_t nr, uint32_t a1, uint32_t a2,
				  uint32_t a3, uint32_t a4)
{
	return _hypercall5(nr, a1, a2, a3, a4, 0);
}

static inline int32_t _hypercall3(uint32_t nr, uint32_t a1, uint32_t a2,
				  uint32_t a3)
{
	return _hypercall5(nr, a1, a2, a3, 0, 0);
}

static inline int32_t _hypercall2(uint32_t nr, uint32_t a1, uint32_t a2)
{
	return _hypercall5(nr, a1, a2, 0, 0, 0);
}

static inline int32_t _hypercall1(uint32_t nr, uint32_t a1)
{
	return _hypercall5(nr, a1, 0, 0, 0, 0);
}

static inline int32_t _hypercall0(uint32_t nr)
{
	return _hypercall5(nr, 0, 0, 0, 0, 0);
}

#endif
