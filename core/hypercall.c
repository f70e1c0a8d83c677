/*
 * hypercall.c - the hypercall table.
 *
 * A guest kernel calls Warden with `int $0x82` (the one IDT gate ring 1 may
 * use), usually through the hypercall page Warden wrote into it: the
 * number in EAX, up to five arguments in EBX, ECX, EDX, ESI and EDI, the
 * result back in EAX, negative errno on failure -- Xen's 32-bit ABI, and
 * Xen's numbers (include/public/xen.h).  One line per call below; every
 * other number is -XEN_ENOSYS.  Each handler checks its own arguments: every
 * guest pointer goes through shadow/guest_copy.c, so a bad one is -EFAULT,
 * never a fault in Warden.
 */
#include "core/hypercall.h"
#include "core/event_channel.h"
#include "core/fpu.h"
#include "core/monitor.h"
#include "core/watch.h"
#include "include/public/warden.h"
#include "core/vtimer.h"
#include "include/public/errno.h"
#include "include/public/xen.h"

#define NR_HYPERCALLS 64

static const hypercall_fn table[NR_HYPERCALLS] = {
	[__HYPERVISOR_set_trap_table]	= hc_set_trap_table,
	[__HYPERVISOR_mmu_update]	= hc_mmu_update,
	[__HYPERVISOR_set_gdt]		= hc_set_gdt,
	[__HYPERVISOR_stack_switch]	= hc_stack_switch,
	[__HYPERVISOR_set_callbacks]	= hc_set_callbacks,
	[__HYPERVISOR_fpu_taskswitch]	= hc_fpu_taskswitch,
	[__HYPERVISOR_sched_op_compat]	= hc_sched_op_compat,
	[__HYPERVISOR_update_descriptor] = hc_update_descriptor,
	[__HYPERVISOR_update_va_mapping] = hc_update_va_mapping,
	[__HYPERVISOR_set_timer_op]	= hc_set_timer_op,
	[__HYPERVISOR_xen_version]	= hc_xen_version,
	[__HYPERVISOR_console_io]	= hc_console_io,
	[__HYPERVISOR_vm_assist]	= hc_vm_assist,
	[__HYPERVISOR_iret]		= hc_iret,
	[__HYPERVISOR_mmuext_op]	= hc_mmuext_op,
	[__HYPERVISOR_sched_op]		= hc_sched_op,
	[__HYPERVISOR_callback_op]	= hc_callback_op,
	[__HYPERVISOR_event_channel_op]	= hc_event_channel_op,
	[__HYPERVISOR_warden_watch_op]	= hc_warden_watch_op,
	[__HYPERVISOR_warden_monitor_op] = hc_warden_monitor_op,
};

/* How often each number was called, for all domains. */
uint32_t hypercall_counts[NR_HYPERCALLS];

void hypercall(struct vcpu *v)
{
	uint32_t nr = v->regs->eax;
	const uint32_t arg[5] = { v->regs->ebx, v->regs->ecx, v->regs->edx,
				  v->regs->esi, v->regs->edi };
	long result = -XEN_ENOSYS;

	if (nr < NR_HYPERCALLS && table[nr]) {
		hypercall_counts[nr]++;
		result = table[nr](v, arg);
	}
	v->regs->eax = (uint32_t)result;	/* iret returns the guest's own EAX */
}
