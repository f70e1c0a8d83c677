/*
 * fault_classify.c - sorting a guest's page fault.
 *
 * A page fault in a guest means one of a few things, and the order of the
 * questions matters:
 *
 * 1. Is it in Warden's area (the M2P table, the switcher)?  The guest's
 *    tables cannot map anything there, so the shadow's rights are final.
 * 2. Do the guest's own tables allow the access?  If not, a real CPU would
 *    have faulted too: the fault is the guest's, with the error code the
 *    guest's tables give (not the shadow's) -- except a kernel write to a
 *    page table it mapped read-only, which Xen guests do on purpose.
 * 3. The guest allows it.  A write to a page the shadow keeps read-only
 *    though the guest made it writable is, in this order: a write to a
 *    page table (emulated, checked, applied), to the GDT (refused), the
 *    first write to a page whose guest entry is clean (the dirty bit), or
 *    a write to a page whose reason to be read-only has gone (it stopped
 *    being a page table, say).
 * 4. Anything else is a shadow miss: the shadow lacks an entry the guest
 *    has.
 */
#include "shadow/fault_classify.h"
#include "arch/x86_32/memlayout.h"
#include "arch/x86_32/pae.h"
#include "shadow/guest_mem.h"
#include "shadow/table_find.h"

static const char *const names[PF_OUTCOMES] = {
	"guest fault", "shadow miss", "dirty bit", "stale read-only",
	"page-table write", "watched-page write", "watched-page fetch",
	"descriptor-table write", "Warden's area",
	"bad guest table",
};

const char *pf_outcome_name(enum pf_outcome o)
{
	return o < PF_OUTCOMES ? names[o] : "?";
}

static enum pf_outcome protected_write(const struct shadow *s,
				       const struct guest_walk *w)
{
	const struct pfn_info *g = p2m_info(s->p2m, w->pfn);

	if (g->write_watches)		/* before the table class: see PITFALLS */
		return PF_WATCHED_WRITE;
	if (pfn_is_table(g))
		return PF_TABLE_WRITE;
	if (g->gdt)
		return PF_DESCRIPTOR_WRITE;
	if (!(guest_walk_leaf(w) & PTE_D))
		return PF_DIRTY_BIT;
	return PF_STALE_READ_ONLY;
}

/*
 * Xen's writable page tables: a PV kernel maps its page tables read-only
 * and writes them anyway; the write faults, and is emulated as if the
 * mapping allowed it.  That is a kernel write (not ring 3) to a present
 * read-only page that is a page table: one a shadow copies, or one of the
 * tables the guest uses now that no fault has needed yet (table_find.c).
 */
static bool kernel_write_to_table(const struct shadow *s,
				  const struct guest_walk *w)
{
	if (w->bad || w->error_code != (PF_P | PF_W))
		return false;
	return pfn_is_table(p2m_info(s->p2m, w->pfn)) ||
	       table_find_level(s->p2m, s->guest_cr3, w->pfn) != 0;
}

enum pf_outcome fault_classify(const struct shadow *s, uint32_t va,
			       uint32_t error_code, struct pf_info *out)
{
	struct guest_mem mem = guest_mem_of(s->p2m);

	out->guest_error = 0;
	if (va >= M2P_BASE)
		return out->outcome = PF_WARDEN_AREA;
	if (!guest_walk(&mem, s->p2m->nr_pfns, s->guest_cr3, va, error_code,
			&out->walk)) {
		out->guest_error = out->walk.error_code;
		if (kernel_write_to_table(s, &out->walk))
			return out->outcome = PF_TABLE_WRITE;
		return out->outcome = out->walk.bad ? PF_BAD_TABLE : PF_GUEST_FAULT;
	}
	if ((error_code & PF_ID) && p2m_info(s->p2m, out->walk.pfn)->exec_watches)
		return out->outcome = PF_WATCHED_EXEC;
	if ((error_code & (PF_P | PF_W)) == (PF_P | PF_W))
		return out->outcome = protected_write(s, &out->walk);
	return out->outcome = PF_SHADOW_MISS;
}
