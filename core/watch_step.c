/*
 * watch_step.c - single-stepping one write with the page briefly writable.
 *
 * Warden's emulator covers the usual writing instructions; for any other
 * (an SSE store, say) that the monitor allows, the CPU itself performs the
 * write: Warden maps the page writable in this vCPU's shadow for exactly
 * that instruction and sets the trap flag, so a #DB comes back right after
 * it; then the page is protected again (every writable mapping goes,
 * through the reverse map), and the vCPU goes on.  An instruction fetched
 * from a page under an execute watch runs the same way, with the page
 * executable for that one instruction.
 *
 * The details that make this safe (PITFALLS.md): the guest runs the step
 * with interrupts off (its EFLAGS.IF clear in the frame -- ring 1 cannot
 * change it -- and no upcall is delivered), so nothing else runs inside
 * the window; Warden's trap flag is kept apart from the guest's own, and
 * if the guest was single-stepping itself its #DB is passed on; DR6 is
 * cleared after each #DB; and if a fault arrives instead of the #DB, the
 * page is protected again before that fault is handled.
 */
#include "core/watch_step.h"
#include "arch/x86_32/trap_frame.h"
#include "arch/x86_32/x86.h"
#include "core/bounce.h"
#include "core/watch_event.h"
#include "include/public/warden.h"
#include "shadow/guest_mem.h"


bool watch_step_begin(struct vcpu *v, uint32_t va, uint8_t access)
{
	struct guest_mem mem = guest_mem_of(v->shadow.p2m);
	struct guest_walk w;
	unsigned relax = access == WATCH_EXEC ? SHADOW_RELAX_EXEC : SHADOW_RELAX_WRITE;

	if (!guest_walk(&mem, v->shadow.p2m->nr_pfns, v->shadow.guest_cr3, va,
			access == WATCH_EXEC ? GW_FETCH : GW_WRITE, &w) ||
	    !shadow_fill_unprotected(&v->shadow, va, &w, relax))
		return false;
	v->step_pfn = w.pfn;
	v->step_access = access;
	v->step_flags = v->regs->eflags & (EFLAGS_TF | EFLAGS_IF);
	v->regs->eflags = (v->regs->eflags | EFLAGS_TF) & ~EFLAGS_IF;
	v->stepping = true;
	watch_stats.single_steps++;
	return true;
}

static void end_step(struct vcpu *v)
{
	if (v->step_access == WATCH_EXEC)
		shadow_unmap_frame(&v->shadow, v->step_pfn);
	else
		shadow_protect(&v->shadow, v->step_pfn);
	v->regs->eflags = (v->regs->eflags & ~(EFLAGS_TF | EFLAGS_IF)) | v->step_flags;
	v->stepping = false;
}

bool watch_step_trap(struct vcpu *v, uint32_t vector)
{
	bool guest_stepping;

	if (!v->stepping)
		return false;
	guest_stepping = (v->step_flags & EFLAGS_TF) != 0;
	end_step(v);
	if (vector != TRAP_DB)
		return false;		/* a fault instead: handle it as usual */
	__asm__ volatile("mov %0, %%dr6" : : "r"(0u));
	if (guest_stepping)
		bounce_to_guest(v, TRAP_DB, BOUNCE_NO_ERROR_CODE);
	return true;
}
