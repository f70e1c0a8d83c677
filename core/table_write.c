/*
 * table_write.c - page-table writes, by hypercall or by plain `mov`.
 *
 * Warden must see every change to a guest page table that a shadow copies
 * (shadow/shadow.c), so those frames are read-only in the shadows.  A guest
 * may change them with mmu_update or update_va_mapping, or write them
 * directly; the direct write faults, and Warden emulates the instruction
 * (core/watch_fault.c, which also checks watches), sending its memory
 * writes here.  Either way each 64-bit entry touched is
 * checked as it will be after the write, at every level a shadow uses it,
 * and after the write the entries made from it are dropped from every
 * shadow of the table, to be filled again from the new value.  A table no
 * shadow copies yet (one of the guest's current tables that no fault has
 * needed, found by shadow/table_find.c) is written as it is: no shadow
 * entry comes from it until a fill walks it, and the walk checks every
 * entry it reads (shadow/guest_walk.c), crashing the guest on a bad one.
 *
 * 32-bit code writes a 64-bit PAE entry in two halves.  After the first
 * half the entry is a mix of old and new; Linux writes the high half first
 * when it makes an entry present, so the mix is never valid-looking
 * garbage for long -- but a guest may do otherwise.  So a 4-byte write is
 * accepted even if the mixed entry is invalid: the shadow entry stays
 * dropped, and if the guest touches that address before fixing the entry,
 * the shadow fill finds it invalid and crashes the guest.  A half-written
 * entry is never installed.  A whole-entry write must be valid at once.
 */
#include "core/table_write.h"
#include "arch/x86_32/memlayout.h"
#include "core/console.h"
#include "lib/string.h"
#include "mm/mapslot.h"
#include "shadow/pte_check.h"
#include "shadow/table_find.h"

/* Check the entry at entry_off as it would be with the write applied. */
static const char *check_entry(struct vcpu *v, const uint8_t *page,
			       uint32_t pfn, uint32_t entry_off,
			       uint32_t offset, const uint8_t *bytes,
			       uint32_t len)
{
	unsigned levels = shadow_levels_at(&v->shadow, pfn, entry_off);
	uint8_t merged[8];

	/* A table no shadow copies yet is checked at the level it serves at. */
	if (!levels)
		levels = 1u << table_find_level(v->shadow.p2m, v->shadow.guest_cr3, pfn);
	uint64_t entry;
	bool whole = offset <= entry_off && offset + len >= entry_off + 8;

	memcpy(merged, page + entry_off, 8);
	for (uint32_t i = 0; i < 8; i++)
		if (entry_off + i >= offset && entry_off + i < offset + len)
			merged[i] = bytes[entry_off + i - offset];
	memcpy(&entry, merged, 8);
	for (unsigned level = 1; level <= 3; level++) {
		const char *why = (levels >> level) & 1 ?
			pte_check(entry, level, v->shadow.p2m->nr_pfns) : 0;

		if (why && whole)
			return why;
	}
	return 0;
}

const char *table_write(struct vcpu *v, uint32_t pfn, uint32_t offset,
			const void *bytes, uint32_t len)
{
	const struct pfn_info *g = p2m_info(v->shadow.p2m, pfn);
	uint8_t *page;
	const char *why = 0;

	if (!g || offset >= PAGE_SIZE || len > PAGE_SIZE - offset)
		return "the write is outside the guest's frame";
	if (g->gdt)	/* also a page table: its descriptors stay checked */
		return "the frame is part of the GDT";
	page = frame_map(g->mfn);
	for (uint32_t e = offset & ~7u; e < offset + len && !why; e += 8)
		why = check_entry(v, page, pfn, e, offset, bytes, len);
	if (!why)
		memcpy(page + offset, bytes, len);
	frame_unmap(page);
	if (!why)
		shadow_guest_wrote(&v->shadow, pfn, offset, len);
	return why;
}

const char *guest_frame_write(struct vcpu *v, uint32_t pfn, uint32_t offset,
			      const void *bytes, uint32_t len)
{
	const struct pfn_info *g = p2m_info(v->shadow.p2m, pfn);
	uint8_t *page;

	if (!g || offset >= PAGE_SIZE || len > PAGE_SIZE - offset)
		return "the write is outside the guest's frames";
	if (pfn_is_table(g))
		return table_write(v, pfn, offset, bytes, len);
	if (g->gdt)
		return "the frame is part of the GDT";
	page = frame_map(g->mfn);
	memcpy(page + offset, bytes, len);
	frame_unmap(page);
	return 0;
}
