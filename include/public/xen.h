/*
 * xen.h - how a guest calls Warden: hypercall numbers and the register
 * convention, which are Xen's for 32-bit x86.
 *
 * Warden speaks Xen's paravirtual ABI, so kernels written for Xen (XTF's
 * test kernels, Mini-OS and the like) run on it unchanged, and Xen's own
 * documentation describes Warden's interface.  Every number in
 * include/public/ is Xen's, checked against Xen's public headers, and so
 * are the names: grep finds the same word in both trees.  Structures are
 * laid out as a 32-bit Xen guest sees them and use fixed-width fields only,
 * so one header describes the same bytes in Warden, in a guest and in a
 * 64-bit host program; each header asserts its sizes and offsets.
 *
 * The headers are split by concept; each says which hypercall it serves:
 *   errno.h          the error numbers hypercalls return, negated
 *   arch_x86_32.h    flat selectors, Xen's address-space hole, vCPU count
 *   start_info.h     what a guest finds when it starts
 *   shared_info.h    the page Warden and a guest share (events, time)
 *   mm.h             page-table updates and TLB flushes
 *   vm_assist.h      optional behaviours a guest can switch on
 *   traps.h          the virtual IDT
 *   callback.h       the event and failsafe entry points
 *   sched.h          yield, block, shut down
 *   console.h        the emergency console
 *   version.h        Xen version queries
 *   vcpu.h           vCPU operations
 *   event_channel.h  event channels and virtual IRQs
 *   elfnote.h        the ELF notes a guest kernel image carries
 *   hypercall.h      inline stubs that make the calls (guests only)
 *
 * Making a hypercall
 *
 *	EAX = hypercall number
 *	EBX, ECX, EDX, ESI, EDI = arguments 1 to 5
 *	int $0x82
 *	EAX = result: >= 0 on success, -XEN_Exxx (errno.h) on failure
 *
 * The argument registers may come back changed; every other register is
 * preserved.  Warden's gate for vector 0x82 has DPL 1, so only a guest
 * kernel (ring 1) can make a hypercall: `int $0x82` from ring 3 raises #GP.
 * Pointers are guest-virtual addresses; 64-bit values (page-table entries,
 * times) travel as two arguments, low half first.  Instead of `int $0x82`
 * a guest may `call` entry N of its hypercall page (HYPERCALL_PAGE_* below,
 * core/hypercall_page.c), which does exactly that for it; hypercall.h has
 * stubs for the direct way.
 *
 * This header is included by assembly too: the C parts are guarded.
 */
#ifndef PUBLIC_XEN_H
#define PUBLIC_XEN_H

#define HYPERCALL_VECTOR		0x82

/*
 * The hypercall page: a page in the guest's image (XEN_ELFNOTE_HYPERCALL_PAGE
 * says where) that Warden fills with one 32-byte entry per hypercall
 * number, so a guest calls `hypercall_page + nr * 32` and need not know how
 * the trap is made.  All Warden's hypercall numbers fit in it.
 */
#define HYPERCALL_PAGE_ENTRY_SIZE	32
#define HYPERCALL_PAGE_ENTRIES		128	/* 4096 / 32 */

/*
 * Hypercall numbers.  The comment gives the arguments in register order
 * and the header with the details; "-" means Warden has no use for it.
 */
#define __HYPERVISOR_set_trap_table	0	/* trap_info[]: traps.h */
#define __HYPERVISOR_mmu_update		1	/* mmu_update[], count, done*, domid: mm.h */
#define __HYPERVISOR_set_gdt		2	/* frame[], entries */
#define __HYPERVISOR_stack_switch	3	/* ss, esp: the ring-1 stack for traps */
#define __HYPERVISOR_set_callbacks	4	/* event cs, eip, failsafe cs, eip */
#define __HYPERVISOR_fpu_taskswitch	5	/* set: CR0.TS = set != 0 */
#define __HYPERVISOR_sched_op_compat	6	/* cmd, arg: sched_op before Xen 3.0.2 */
#define __HYPERVISOR_platform_op	7	/* - (was dom0_op) */
#define __HYPERVISOR_set_debugreg	8	/* reg, value */
#define __HYPERVISOR_get_debugreg	9	/* reg; returns the value */
#define __HYPERVISOR_update_descriptor	10	/* addr lo, hi, desc lo, hi */
/* 11 is unused. */
#define __HYPERVISOR_memory_op		12	/* - */
#define __HYPERVISOR_multicall		13	/* multicall_entry[], count */
#define __HYPERVISOR_update_va_mapping	14	/* va, pte lo, pte hi, UVMF_*: mm.h */
#define __HYPERVISOR_set_timer_op	15	/* deadline lo, hi (ns of system time) */
#define __HYPERVISOR_event_channel_op_compat 16	/* - */
#define __HYPERVISOR_xen_version	17	/* XENVER_*, arg: version.h */
#define __HYPERVISOR_console_io		18	/* CONSOLEIO_*, count, buffer: console.h */
#define __HYPERVISOR_physdev_op_compat	19	/* - */
#define __HYPERVISOR_grant_table_op	20	/* - */
#define __HYPERVISOR_vm_assist		21	/* VMASST_CMD_*, VMASST_TYPE_*: vm_assist.h */
#define __HYPERVISOR_update_va_mapping_otherdomain 22 /* as 14, then domid */
#define __HYPERVISOR_iret		23	/* jumped to, never called: see below */
#define __HYPERVISOR_vcpu_op		24	/* VCPUOP_*, vcpu, arg: vcpu.h */
#define __HYPERVISOR_set_segment_base	25	/* - (64-bit guests only) */
#define __HYPERVISOR_mmuext_op		26	/* mmuext_op[], count, done*, domid: mm.h */
#define __HYPERVISOR_xsm_op		27	/* - */
#define __HYPERVISOR_nmi_op		28	/* - */
#define __HYPERVISOR_sched_op		29	/* SCHEDOP_*, arg: sched.h */
#define __HYPERVISOR_callback_op	30	/* CALLBACKOP_*, arg: callback.h */
#define __HYPERVISOR_xenoprof_op	31	/* - */
#define __HYPERVISOR_event_channel_op	32	/* EVTCHNOP_*, arg: event_channel.h */
#define __HYPERVISOR_physdev_op		33	/* - */
#define __HYPERVISOR_hvm_op		34	/* - */
#define __HYPERVISOR_sysctl		35	/* - */
#define __HYPERVISOR_domctl		36	/* - */
#define __HYPERVISOR_kexec_op		37	/* - */
#define __HYPERVISOR_tmem_op		38	/* - */
#define __HYPERVISOR_argo_op		39	/* - (was xc_reserved_op) */
#define __HYPERVISOR_xenpmu_op		40	/* - */
#define __HYPERVISOR_dm_op		41	/* - */
#define __HYPERVISOR_hypfs_op		42	/* - */

/* Xen reserves 48-55 for each architecture; x86 uses two of them. */
#define __HYPERVISOR_arch_0		48
#define __HYPERVISOR_arch_1		49
#define __HYPERVISOR_arch_2		50
#define __HYPERVISOR_arch_3		51
#define __HYPERVISOR_arch_4		52
#define __HYPERVISOR_arch_5		53
#define __HYPERVISOR_arch_6		54
#define __HYPERVISOR_arch_7		55
#define __HYPERVISOR_mca		__HYPERVISOR_arch_0	/* - (machine checks) */
/* arch_1 is Xen-internal (paging_domctl_cont); guests never use it. */

/*
 * Warden's own hypercalls (watches, the event ring, foreign memory for the
 * monitor) take numbers 56-63.  Xen has never used them: its common calls
 * stop at 42 (patches in review propose 43), and 48-55 are its per-
 * architecture block.  They stay below HYPERCALL_PAGE_ENTRIES so that they
 * have hypercall-page entries too.  The numbers are assigned as the calls
 * are written.
 */
#define WARDEN_HYPERCALL_FIRST		56
#define WARDEN_HYPERCALL_LAST		63

/*
 * __HYPERVISOR_iret returns from an exception or event handler, as `iret`
 * does in a native kernel.  A ring-1 `iret` cannot restore the guest's
 * virtual interrupt flag (the event mask in shared_info.h), so Warden
 * restores the flag and the registers in one step, leaving no window for
 * an event in between.  The guest builds an iret frame on its stack, with
 * EAX on top:
 *
 *	[esp+0] eax  [esp+4] eip  [esp+8] cs  [esp+12] eflags
 *	[esp+16] esp  [esp+20] ss          (only when returning to ring 3)
 *
 * and jumps to the hypercall page's iret entry, which pushes EAX (the
 * hypercall number overwrites it) and traps.  It does not return.
 */

/* Domain ids: 0 up to DOMID_FIRST_RESERVED name domains, the rest are special. */
#define DOMID_FIRST_RESERVED		0x7FF0
#define DOMID_SELF			0x7FF0	/* the calling domain */
#define DOMID_IO			0x7FF1
#define DOMID_XEN			0x7FF2
#define DOMID_COW			0x7FF3
#define DOMID_INVALID			0x7FF4
#define DOMID_IDLE			0x7FFF

#ifndef __ASSEMBLER__
#include <stdint.h>

typedef uint16_t domid_t;

/*
 * __HYPERVISOR_multicall runs a list of hypercalls in one trap: each entry
 * names the call and its arguments, and receives the call's result.
 */
struct multicall_entry {
	uint32_t op;			/* __HYPERVISOR_* */
	uint32_t result;		/* written by Warden */
	uint32_t args[6];
};
_Static_assert(sizeof(struct multicall_entry) == 32, "Xen's multicall_entry");

#endif /* __ASSEMBLER__ */
#endif
