/*
 * hypercall.h - calling Warden through the hypercall page.
 *
 * Warden filled our hypercall_page (head.S) with one 32-byte stub per
 * hypercall number: `mov $nr, %eax; int $0x82; ret`.  A call is therefore
 * `call hypercall_page + nr * 32` with the arguments in EBX, ECX, EDX, ESI
 * and EDI, and the result (>= 0, or -XEN_Exxx) comes back in EAX -- Xen's
 * 32-bit ABI (include/public/xen.h).  Warden may change the argument
 * registers, so each is an in-out operand of the asm.
 *
 * The number must be a constant, because it is part of the call's address,
 * hence macros, not functions.  Below them, one typed wrapper per call, so
 * a guest never casts a pointer at the call site.  The iret hypercall is not
 * here: it does not return (trap_entry.S and user_entry.S jump to it).
 */
#ifndef GUEST_LIB_HYPERCALL_H
#define GUEST_LIB_HYPERCALL_H

#include <stdint.h>

#include "include/public/arch_x86_32.h"
#include "include/public/callback.h"
#include "include/public/console.h"
#include "include/public/event_channel.h"
#include "include/public/mm.h"
#include "include/public/sched.h"
#include "include/public/traps.h"
#include "include/public/xen.h"

extern char hypercall_page[];

#define hypercall5(nr, a1, a2, a3, a4, a5) ({				\
	uint32_t _a1 = (uint32_t)(a1), _a2 = (uint32_t)(a2),		\
		 _a3 = (uint32_t)(a3), _a4 = (uint32_t)(a4),		\
		 _a5 = (uint32_t)(a5);					\
	long _r;							\
	__asm__ volatile("call hypercall_page + %c[offset]"		\
			 : "=a"(_r), "+b"(_a1), "+c"(_a2), "+d"(_a3),	\
			   "+S"(_a4), "+D"(_a5)				\
			 : [offset] "i"((nr) * HYPERCALL_PAGE_ENTRY_SIZE)	\
			 : "memory");					\
	_r;								\
})

#define hypercall0(nr)			hypercall5(nr, 0, 0, 0, 0, 0)
#define hypercall1(nr, a1)		hypercall5(nr, a1, 0, 0, 0, 0)
#define hypercall2(nr, a1, a2)		hypercall5(nr, a1, a2, 0, 0, 0)
#define hypercall3(nr, a1, a2, a3)	hypercall5(nr, a1, a2, a3, 0, 0)
#define hypercall4(nr, a1, a2, a3, a4)	hypercall5(nr, a1, a2, a3, a4, 0)

#define HC_PTR(p)	((uint32_t)(uintptr_t)(p))

static inline long hc_console_io(uint32_t cmd, uint32_t count, const void *buf)
{
	return hypercall3(__HYPERVISOR_console_io, cmd, count, HC_PTR(buf));
}

static inline long hc_console_write(const char *s, uint32_t len)
{
	return hc_console_io(CONSOLEIO_write, len, s);
}

/* What was typed for us (console input, when we have focus): up to len
 * bytes into buf; how many, 0 if none is waiting. */
static inline long hc_console_read(char *buf, uint32_t len)
{
	return hc_console_io(CONSOLEIO_read, len, buf);
}

static inline long hc_sched_op(uint32_t cmd, void *arg)
{
	return hypercall2(__HYPERVISOR_sched_op, cmd, HC_PTR(arg));
}

static inline long hc_sched_op_compat(uint32_t cmd, uint32_t arg)
{
	return hypercall2(__HYPERVISOR_sched_op_compat, cmd, arg);
}

static inline long hc_shutdown(uint32_t reason)
{
	struct sched_shutdown s = { reason };

	return hc_sched_op(SCHEDOP_shutdown, &s);
}

/* Wait until one of the n ports is pending or system time passes timeout
 * (ns; 0: no timeout).  Returns 0 in both cases. */
static inline long hc_poll(const uint32_t *ports, uint32_t n, uint64_t timeout)
{
	struct sched_poll p = { HC_PTR(ports), n, timeout };

	return hc_sched_op(SCHEDOP_poll, &p);
}

static inline long hc_set_trap_table(const struct trap_info *traps)
{
	return hypercall1(__HYPERVISOR_set_trap_table, HC_PTR(traps));
}

static inline long hc_stack_switch(uint32_t ss, uint32_t esp)
{
	return hypercall2(__HYPERVISOR_stack_switch, ss, esp);
}

static inline long hc_set_callbacks(uint32_t event_cs, uint32_t event_eip,
				    uint32_t failsafe_cs, uint32_t failsafe_eip)
{
	return hypercall4(__HYPERVISOR_set_callbacks, event_cs, event_eip,
			  failsafe_cs, failsafe_eip);
}

static inline long hc_callback_op(uint32_t cmd, const void *arg)
{
	return hypercall2(__HYPERVISOR_callback_op, cmd, HC_PTR(arg));
}

static inline long hc_mmu_update(const struct mmu_update *reqs, uint32_t count,
				 uint32_t *done, uint32_t domid)
{
	return hypercall4(__HYPERVISOR_mmu_update, HC_PTR(reqs), count, HC_PTR(done), domid);
}

static inline long hc_update_va_mapping(uint32_t va, uint64_t pte, uint32_t flags)
{
	return hypercall4(__HYPERVISOR_update_va_mapping, va, (uint32_t)pte,
			  (uint32_t)(pte >> 32), flags);
}

static inline long hc_mmuext_op(const struct mmuext_op *ops, uint32_t count,
				uint32_t *done, uint32_t domid)
{
	return hypercall4(__HYPERVISOR_mmuext_op, HC_PTR(ops), count, HC_PTR(done), domid);
}

static inline long hc_set_gdt(const uint32_t *frames, uint32_t entries)
{
	return hypercall2(__HYPERVISOR_set_gdt, HC_PTR(frames), entries);
}

static inline long hc_update_descriptor(uint64_t maddr, uint64_t desc)
{
	return hypercall4(__HYPERVISOR_update_descriptor, (uint32_t)maddr,
			  (uint32_t)(maddr >> 32), (uint32_t)desc,
			  (uint32_t)(desc >> 32));
}

static inline long hc_xen_version(uint32_t cmd, void *arg)
{
	return hypercall2(__HYPERVISOR_xen_version, cmd, HC_PTR(arg));
}

static inline long hc_vm_assist(uint32_t cmd, uint32_t type)
{
	return hypercall2(__HYPERVISOR_vm_assist, cmd, type);
}

static inline long hc_event_channel_op(uint32_t cmd, void *arg)
{
	return hypercall2(__HYPERVISOR_event_channel_op, cmd, HC_PTR(arg));
}

/* VIRQ_TIMER once system time passes deadline (ns); 0 cancels. */
static inline long hc_set_timer_op(uint64_t deadline)
{
	return hypercall2(__HYPERVISOR_set_timer_op, (uint32_t)deadline,
			  (uint32_t)(deadline >> 32));
}

/* Our virtual CR0.TS: set, the next FPU instruction raises #NM in us. */
static inline long hc_fpu_taskswitch(uint32_t set)
{
	return hypercall1(__HYPERVISOR_fpu_taskswitch, set);
}

#endif
