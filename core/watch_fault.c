/*
 * watch_fault.c - the instruction that writes to protected memory.
 *
 * A page is protected (read-only in every shadow) if a watch covers some
 * byte of it or it is a page table.  A write to it faults, and Warden runs
 * the instruction through its emulator, whose memory writes come here:
 *
 *   dry run    each write is checked against the watches; nothing is
 *              written, and the registers stay as they were.  A write into
 *              a watched range stops it: that is a watch event.
 *   commit     each write is made: to a page table through table_write()
 *              (checked, shadows resynced), to other memory directly.  A
 *              verdict "write another value" puts the monitor's value in
 *              place of the bytes that hit the watch.
 *
 * No watch hit: commit at once (a near miss when the page was watched).
 * A hit: the vCPU waits for a verdict (core/watch_event.c); on "allow" the
 * instruction is committed, on "deny" it is skipped (its length from the
 * decoder) or becomes a page fault for the guest.  The dry run checks
 * every write of the instruction, so one that starts below a watched range
 * and runs into it, or straddles two pages, is caught too.
 */
#include "core/watch_fault.h"
#include "arch/x86_32/memlayout.h"
#include "arch/x86_32/pae.h"
#include "core/bounce.h"
#include "core/emulate.h"
#include "core/table_write.h"
#include "core/watch.h"
#include "core/watch_event.h"
#include "core/watch_step.h"
#include "core/console.h"
#include "lib/string.h"
#include "shadow/guest_ad.h"
#include "shadow/guest_copy.h"
#include "shadow/guest_mem.h"
#include "shadow/table_find.h"

enum write_mode { DRY_RUN, COMMIT, COMMIT_VALUE };

struct guarded {
	struct vcpu *v;
	enum write_mode mode;
	uint32_t value_watch;		/* COMMIT_VALUE: the watch to overwrite */
	uint64_t value;
	const struct watch *hit;	/* DRY_RUN: the first write into a watch */
	uint32_t hit_gva, hit_gpa, hit_len;
	uint8_t hit_bytes[8];
	const char *refused;
	bool watched_page;		/* a write went to a watched page */
	struct guest_walk *fault_walk;	/* the faulting page's walk, or NULL */
	uint32_t fault_page;
	bool fault_allowed;		/* ... and whether the guest allows it */
};

/*
 * The instruction's other accesses are checked with the rights of the
 * code that runs it: a ring-3 instruction reaches only what ring 3 may,
 * as on the CPU (the fault's own page was checked so by the classifier).
 */
static uint32_t rights_of(const struct vcpu *v)
{
	return (v->regs->cs & 3) == 3 ? GW_USER : 0;
}

static int read_guest(void *ctx, uint32_t va, void *buf, unsigned len)
{
	struct guarded *g = ctx;

	return !guest_read(&g->v->shadow, buf, va, len, rights_of(g->v));
}

/* Whether a write to va may be made, walking the guest's tables into *w
 * (w->pfn: the frame): the guest must allow it (*allowed), or the frame
 * must be a page table (Xen's writable page tables: the guest kernel's
 * write, not ring 3's -- a user write's error code has PF_U). */
static bool write_target(struct vcpu *v, uint32_t va, struct guest_walk *w,
			 bool *allowed)
{
	struct guest_mem mem = guest_mem_of(v->shadow.p2m);

	*allowed = guest_walk(&mem, v->shadow.p2m->nr_pfns, v->shadow.guest_cr3, va,
			      GW_WRITE | rights_of(v), w);
	if (*allowed)
		return true;
	if (w->bad || w->pfn == GW_NO_PFN)
		return false;
	if (!pfn_is_table(p2m_info(v->shadow.p2m, w->pfn)) &&
	    !table_find_level(v->shadow.p2m, v->shadow.guest_cr3, w->pfn))
		return false;
	return (w->error_code & ~(uint32_t)(PF_P | PF_W)) == 0;
}

static void record_hit(struct guarded *g, const struct watch *w, uint32_t va,
		       uint32_t gpa, const void *buf, unsigned len)
{
	g->hit = w;
	g->hit_gva = va;
	g->hit_gpa = gpa;
	g->hit_len = len < 8 ? len : 8;
	memcpy(g->hit_bytes, buf, g->hit_len);
}

/* One write within one page. */
static int write_page(struct guarded *g, uint32_t va, const uint8_t *buf,
		      unsigned len)
{
	struct guest_walk own, *walk = &own;
	uint32_t pfn, gpa;
	const struct watch *w;
	uint8_t bytes[8];
	bool allowed;

	if (g->fault_walk && (va & ~(PAGE_SIZE - 1)) == g->fault_page) {
		walk = g->fault_walk;	/* the fault's own walk said where */
		allowed = g->fault_allowed;
	} else if (!write_target(g->v, va, &own, &allowed)) {
		return 1;
	}
	pfn = walk->pfn;
	gpa = (pfn << PAGE_SHIFT) | (va & (PAGE_SIZE - 1));
	w = watch_find(g->v->domain, gpa, len, WATCH_WRITE);
	if (g->mode == DRY_RUN) {
		if (w && !g->hit)
			record_hit(g, w, va, gpa, buf, len);
		return w != 0;
	}
	g->watched_page |= p2m_info(g->v->shadow.p2m, pfn)->write_watches != 0;
	if (g->mode == COMMIT_VALUE && w && w->id == g->value_watch && len <= 8) {
		memcpy(bytes, &g->value, len);	/* little-endian, as x86 */
		buf = bytes;
	}
	g->refused = guest_frame_write(g->v, pfn, va & (PAGE_SIZE - 1), buf, len);
	/* The write was made for the guest: its entry gets D, as the CPU's
	 * own write would have set it (a watched page's first write comes
	 * here, not through the dirty-bit fault). */
	if (!g->refused && allowed)
		guest_ad_mark(g->v->shadow.p2m, va, walk, true);
	return g->refused != 0;
}

static int write_guest(void *ctx, uint32_t va, const void *buf, unsigned len)
{
	uint32_t in_page = PAGE_SIZE - (va & (PAGE_SIZE - 1));

	if (len > in_page)
		return write_page(ctx, va, buf, in_page) ||
		       write_guest(ctx, va + in_page, (const uint8_t *)buf + in_page,
				   len - in_page);
	return write_page(ctx, va, buf, len);
}

static const char *run(struct guarded *g, struct x86_insn *insn)
{
	struct x86_mem_ops mem = { g, read_guest, write_guest };

	return emulate_run(g->v, &mem, g->mode != DRY_RUN, insn);
}

/* The commit after a dry run: the same instruction, decoded already. */
static const char *run_again(struct guarded *g, const struct x86_insn *insn)
{
	struct x86_mem_ops mem = { g, read_guest, write_guest };

	return emulate_decoded(g->v, &mem, true, insn);
}

static void crash_on(struct vcpu *v, uint32_t eip, const char *why,
		     const char *refused)
{
	domain_crash(v->domain, "write at eip 0x%x: %s%s%s", eip, why,
		     refused ? ": " : "", refused ? refused : "");
}

/*
 * An instruction the emulator does not know, writing a watched page: what
 * it writes cannot be known, so the monitor is asked anyway, about the
 * faulting address; if allowed, the CPU runs it, single-stepped
 * (core/watch_step.c).  A page table must not be written unchecked, so
 * there it is refused.
 */
static bool unknown_write(struct vcpu *v, uint32_t va, const struct x86_insn *insn)
{
	struct guest_walk walk;
	uint32_t gpa;
	const struct watch *w;
	bool allowed;

	if (!write_target(v, va, &walk, &allowed) ||
	    pfn_is_table(p2m_info(v->shadow.p2m, walk.pfn)))
		return false;
	gpa = (walk.pfn << PAGE_SHIFT) | (va & (PAGE_SIZE - 1));
	w = watch_find(v->domain, gpa, 1, WATCH_WRITE);
	v->event_stepped = true;	/* before: the verdict may come at once */
	watch_event_raise(v, WATCH_WRITE, w ? w->id : 0, va, gpa, 0, 0, insn);
	return true;
}

/*
 * A write to a page table that no table in use now is made from -- a
 * frame the guest freed and reuses as data, typically, being zeroed --
 * need not be emulated store by store: its shadows are dropped, so it is
 * no longer protected, and the guest runs the write again itself.  If it
 * serves as a table again, the fill that needs it protects it again.
 */
static bool release_old_table(struct vcpu *v, uint32_t pfn)
{
	const struct pfn_info *g = p2m_info(v->shadow.p2m, pfn);

	if (!pfn_is_table(g) || g->write_watches || g->gdt ||
	    shadow_table_in_use(&v->shadow, pfn))
		return false;
	shadow_forget(&v->shadow, pfn);
	return !pfn_protected(g);
}

void watch_fault(struct vcpu *v, uint32_t va, struct guest_walk *walk, bool guest_allows)
{
	uint32_t pfn = walk->pfn;
	struct guarded g = { .v = v, .mode = DRY_RUN, .fault_walk = walk,
			     .fault_page = va & ~(PAGE_SIZE - 1),
			     .fault_allowed = guest_allows };
	struct x86_insn insn;
	uint32_t eip = v->regs->eip;
	const char *why;

	/* Only where the guest's own mapping allows the write: a table it
	 * maps read-only is still written through Warden, as on Xen. */
	if (guest_allows && release_old_table(v, pfn))
		return;
	why = run(&g, &insn);

	v->event_stepped = false;
	if (g.hit) {
		watch_event_raise(v, WATCH_WRITE, g.hit->id, g.hit_gva, g.hit_gpa, g.hit_len,
				  g.hit_bytes, &insn);
		return;
	}
	if (why == emulate_unhandled && unknown_write(v, va, &insn))
		return;
	if (why) {
		crash_on(v, eip, why, 0);
		return;
	}
	g.mode = COMMIT;
	g.watched_page = false;
	why = run_again(&g, &insn);
	if (why)
		crash_on(v, eip, why, g.refused);
	else if (g.watched_page)
		watch_event_near_miss(v);	/* not a plain page-table write */
}

/* Allowing an instruction the emulator does not know: the CPU runs it.
 * Its write cannot be replaced by another value: that is refused. */
static void allow_by_stepping(struct vcpu *v, uint8_t verdict)
{
	if (verdict == WATCH_WRITE_VALUE) {
		printk("warden: event %u: cannot write another value for an instruction the emulator does not know; it is skipped\n",
		       v->event.seq);
		v->regs->eip += v->event.insn_len;
		return;
	}
	if (verdict == WATCH_ALLOW_REMOVE && v->event.watch_id)
		watch_remove(v->domain, v->event.watch_id);
	if (!watch_step_begin(v, v->event.gva, v->event.access))
		domain_crash(v->domain, "cannot single-step the write at eip 0x%x",
			     v->regs->eip);
}

void watch_fault_apply(struct vcpu *v, uint8_t verdict, uint8_t flags,
		       uint64_t value)
{
	struct guarded g = { .v = v, .mode = COMMIT };
	struct x86_insn insn;
	const char *why;

	if (verdict == WATCH_DENY) {
		if (flags & WATCH_DENY_FAULT)
			bounce_page_fault(v, v->event.gva, PF_P |
					  (v->event.access == WATCH_EXEC ? PF_ID : PF_W) |
					  ((v->regs->cs & 3) == 3 ? PF_U : 0));
		else
			v->regs->eip += v->event.insn_len;
		return;
	}
	if (v->event_stepped) {
		allow_by_stepping(v, verdict);
		return;
	}
	if (verdict == WATCH_WRITE_VALUE) {
		g.mode = COMMIT_VALUE;
		g.value_watch = v->event.watch_id;
		g.value = value;
	}
	if (verdict == WATCH_ALLOW_REMOVE)
		watch_remove(v->domain, v->event.watch_id);
	why = run(&g, &insn);
	if (why)
		crash_on(v, v->regs->eip, why, g.refused);
}

/*
 * A fetch from a page under an execute watch.  Inside a watched range it
 * is an event; elsewhere on the page a near miss.  Either way the
 * instruction, once allowed, runs single-stepped with the page executable
 * for it alone (core/watch_step.c), so the next one faults again.
 */
void watch_exec_fault(struct vcpu *v, uint32_t va, uint32_t pfn)
{
	uint32_t gpa = (pfn << PAGE_SHIFT) | (va & (PAGE_SIZE - 1));
	const struct watch *w = watch_find(v->domain, gpa, 1, WATCH_EXEC);
	struct x86_insn insn;
	const char *why;

	if (!w) {			/* the CPU runs it, as it is: no decoding */
		watch_event_near_miss(v);
		if (!watch_step_begin(v, va, WATCH_EXEC))
			crash_on(v, v->regs->eip, "cannot single-step it", 0);
		return;
	}
	why = emulate_fetch(v, &insn);	/* the request carries its bytes */
	if (why) {
		crash_on(v, v->regs->eip, why, 0);
		return;
	}
	v->event_stepped = true;
	watch_event_raise(v, WATCH_EXEC, w->id, va, gpa, 0, 0, &insn);
}
