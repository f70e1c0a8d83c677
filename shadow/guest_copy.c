/*
 * guest_copy.c - every guest pointer Warden follows goes through here.
 *
 * A pointer from a guest is a virtual address in the guest's own address
 * space.  Warden runs in a different address space, so it cannot simply
 * dereference it -- and must not: the guest could point it anywhere.
 * Instead each page is looked up in the guest's tables with the rights of
 * the guest kernel (guest_walk), which also proves the frame is the
 * guest's, and reached through its machine frame.  A copy that crosses a
 * page boundary is done a page at a time.
 *
 * Writes into frames that shadows copy (page tables) or that form the GDT
 * are refused: those change only through the checked paths.  So are
 * writes into a watched page (hypercall results, exception frames), with a
 * console line: Warden's own writes are never a silent way around a watch.  Every access
 * sets the accessed bit, and a write the dirty bit, in the guest's
 * entries (guest_ad.c): Warden's accesses count as the guest's.
 */
#include "shadow/guest_copy.h"
#include "core/console.h"
#include "arch/x86_32/memlayout.h"
#include "lib/string.h"
#include "mm/frame.h"
#include "mm/mapslot.h"
#include "shadow/guest_ad.h"
#include "shadow/guest_mem.h"

uint64_t guest_copy_refused_watched;

/* The frame behind guest address va for this access, or NULL (also for
 * a write to a frame Warden protects).  The access happens: its accessed
 * and dirty bits are set, as the CPU would set them. */
/*
 * The fast way: the entry the shadow has for va.  A shadow entry never
 * allows more than the guest's tables (it is writable only if the guest's
 * entry is writable and dirty and the frame is not protected), and the
 * guest's accessed and dirty bits were set when it was made -- so if it
 * allows the access, the walk would too, and would change nothing.
 */
static struct pfn_info *shadow_frame(const struct shadow *s, uint32_t va,
				     uint32_t access)
{
	pte_t e = shadow_lookup(s, va);
	const struct frame_info *f;

	if (!(e & PTE_P) || ((access & GW_WRITE) && !(e & PTE_RW)))
		return 0;
	f = frame_get((uint32_t)(pte_addr(e) >> PAGE_SHIFT));
	if (!f || f->type != FRAME_DOMAIN || f->owner != s->owner)
		return 0;
	return p2m_info(s->p2m, f->pfn);
}

static struct pfn_info *guest_frame(const struct shadow *s, uint32_t va,
				    uint32_t access)
{
	struct guest_mem mem = guest_mem_of(s->p2m);
	struct guest_walk w;
	struct pfn_info *g = shadow_frame(s, va, access);

	if (g)
		return g;
	if (!guest_walk(&mem, s->p2m->nr_pfns, s->guest_cr3, va, access, &w))
		return 0;
	g = p2m_info(s->p2m, w.pfn);
	if ((access & GW_WRITE) && g->write_watches && ++guest_copy_refused_watched)
		printk("warden: refused to write domain %u's watched page at 0x%x on its behalf\n",
		       s->owner, va);
	if ((access & GW_WRITE) && pfn_protected(g))
		return 0;
	guest_ad_mark(s->p2m, va, &w, access & GW_WRITE);
	return g;
}

/* Bytes from va to the end of its page, at most len. */
static uint32_t chunk(uint32_t va, uint32_t len)
{
	uint32_t room = PAGE_SIZE - (va & (PAGE_SIZE - 1));

	return len < room ? len : room;
}

static bool range_ok(uint32_t va, uint32_t len)
{
	return len <= M2P_BASE && va <= M2P_BASE - len;
}

bool guest_copy_from(const struct shadow *s, void *dst, uint32_t va,
		     uint32_t len)
{
	return guest_read(s, dst, va, len, 0);
}

bool guest_read(const struct shadow *s, void *dst, uint32_t va, uint32_t len,
		uint32_t rights)
{
	uint8_t *out = dst;

	if (!range_ok(va, len))
		return false;
	while (len) {
		uint32_t n = chunk(va, len);
		const struct pfn_info *g = guest_frame(s, va, rights);
		uint8_t *page;

		if (!g)
			return false;
		page = frame_map(g->mfn);
		memcpy(out, page + (va & (PAGE_SIZE - 1)), n);
		frame_unmap(page);
		out += n;
		va += n;
		len -= n;
	}
	return true;
}

bool guest_copy_to(const struct shadow *s, uint32_t va, const void *src,
		   uint32_t len)
{
	const uint8_t *in = src;

	if (!range_ok(va, len))
		return false;
	while (len) {
		uint32_t n = chunk(va, len);
		const struct pfn_info *g = guest_frame(s, va, GW_WRITE);
		uint8_t *page;

		if (!g)
			return false;
		page = frame_map(g->mfn);
		memcpy(page + (va & (PAGE_SIZE - 1)), in, n);
		frame_unmap(page);
		in += n;
		va += n;
		len -= n;
	}
	return true;
}
