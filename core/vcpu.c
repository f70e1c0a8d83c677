/*
 * vcpu.c - the last step before a guest runs.
 *
 * A vCPU's registers live in the frame at the top of its own trap-stack
 * page, where the CPU and the trap stub put them on every trap (all of
 * them, every time) and where Warden changes them.  Each vCPU has its own
 * page, mapped only in its own domain's address spaces, so no register of
 * one domain is ever left where another can read it.  To run the guest,
 * Warden maps the vCPU's page at the trap-stack address of its own space
 * (the same address the guest's space uses) and switcher_enter_guest()
 * loads the shadow CR3 and IRETs from that frame.  Before that, the flags the guest may not have
 * are taken away: it always runs with interrupts on (IF; its own interrupt
 * flag is the upcall mask in shared info), without I/O privilege (IOPL 0),
 * never in virtual-8086 mode, and with NT clear (a ring-1 IRET with NT set
 * raises #TS).
 *
 * This is also where events reach a guest: if one is pending and the
 * guest's event mask allows it, the vCPU is sent into its event callback
 * first, with a bounce frame built on the context it was about to resume.
 */
#include "core/vcpu.h"
#include "core/bounce.h"
#include "core/event_channel.h"
#include "core/fpu.h"
#include "core/schedule.h"
#include "core/shared_info_map.h"
#include "core/syscall_gate.h"
#include "core/vtimer.h"
#include "arch/x86_32/cpu_tables.h"
#include "arch/x86_32/memlayout.h"
#include "arch/x86_32/x86.h"
#include "mm/mapslot.h"
#include "mm/warden_space.h"

#define COM2_PORT	0x2f8
#define COM2_PORTS	8


_Noreturn void switcher_enter_guest(uint32_t cr3);	/* trap_entry.S */

struct vcpu *current;
static uint32_t mapped_trap_page;	/* whose trap page Warden's space maps */

/* The monitor streams its events out of COM2: while it runs, and only
 * then, the TSS's I/O bitmap lets it reach those eight ports. */
static void com2_for(const struct vcpu *v)
{
	static bool open;

	if (v->domain->monitor != open) {
		open = v->domain->monitor;
		cpu_tables_allow_ports(COM2_PORT, COM2_PORTS, open);
	}
}

_Noreturn void vcpu_enter(struct vcpu *v)
{
	if (mapped_trap_page != v->trap_page) {
		warden_space_map_trap_page(v->trap_page);
		mapped_trap_page = v->trap_page;
	}
	current = v;
	vtimer_publish(v);
	if (!v->stepping && evtchn_upcall_due(v))
		bounce_upcall(v);
	if (!domain_alive(v->domain))
		schedule();		/* the upcall could not be delivered */
	v->regs->eflags = (v->regs->eflags | (v->stepping ? 0 : EFLAGS_IF)) &
			 ~(EFLAGS_IOPL | EFLAGS_NT | EFLAGS_VM);
	fpu_enter(v);
	syscall_gate_load(v);
	com2_for(v);
	v->run_start_tsc = rdtsc();
	switcher_enter_guest(shadow_cr3(&v->shadow));
}

/* The vCPU's upcall mask: Xen keeps it in shared_info, where the guest
 * sets and clears it itself, so Warden reads it there every time. */
uint8_t vcpu_upcall_mask(const struct vcpu *v)
{
	struct shared_info *si = shared_info_map(v->domain);
	uint8_t mask = si->vcpu_info[0].evtchn_upcall_mask;

	shared_info_unmap(si);
	return mask;
}

void vcpu_set_upcall_mask(struct vcpu *v, uint8_t mask)
{
	struct shared_info *si = shared_info_map(v->domain);

	si->vcpu_info[0].evtchn_upcall_mask = mask;
	shared_info_unmap(si);
}

void vcpu_set_cr2(struct vcpu *v, uint32_t cr2)
{
	struct shared_info *si = shared_info_map(v->domain);

	v->cr2 = cr2;
	si->vcpu_info[0].arch.cr2 = cr2;
	shared_info_unmap(si);
}
