/*
 * p2m.c - pseudo-physical to machine.
 *
 * A guest never names a machine frame.  It sees its memory as frames
 * 0..nr_pfns-1 and writes those numbers in its page tables; Warden
 * translates them here when it builds shadows, and checks them, since a
 * number outside the range is simply not the guest's.  Machine frames need
 * not be contiguous; each is also recorded, with its pfn, as owned by the
 * domain in the frame table (mm/frame.h), so the reverse question -- whose
 * is machine frame M? -- is one look too.
 *
 * The records (struct pfn_info: the mfn, why the frame must be kept
 * read-only in shadows, and where the shadow code's reverse map of the
 * frame starts) live in Warden frames, P2M_INFO_PER_FRAME a frame.
 */
#include "mm/p2m.h"
#include "arch/x86_32/memlayout.h"
#include "core/panic.h"
#include "lib/string.h"
#include "mm/directmap.h"
#include "mm/frame.h"
#include "mm/mapslot.h"

static uint32_t table_frames(uint32_t nr_pfns)
{
	return (nr_pfns + P2M_INFO_PER_FRAME - 1) / P2M_INFO_PER_FRAME;
}

/* Warden reads the records on every shadow fill: keep them direct-mapped. */
static struct pfn_info *table_page(const struct p2m *m, uint32_t i)
{
	return directmap((uint64_t)m->table[i] << PAGE_SHIFT);
}

static bool alloc_table(struct p2m *m)
{
	for (uint32_t i = 0; i < table_frames(m->nr_pfns); i++) {
		uint32_t mfn = frame_alloc(FRAME_WARDEN, OWNER_WARDEN);

		m->table[i] = mfn;
		if (mfn == FRAME_NONE)
			return false;
		if (!directmap_covers((uint64_t)mfn << PAGE_SHIFT, PAGE_SIZE))
			panic("p2m: table frame 0x%x is above the direct map", mfn);
		memset(table_page(m, i), 0, PAGE_SIZE);
	}
	return true;
}

static void zero_frame(uint32_t mfn)
{
	void *page = frame_map(mfn);

	memset(page, 0, PAGE_SIZE);
	frame_unmap(page);
}

static bool alloc_memory(struct p2m *m)
{
	for (uint32_t pfn = 0; pfn < m->nr_pfns; pfn++) {
		uint32_t mfn = frame_alloc(FRAME_DOMAIN, m->owner);

		if (mfn == FRAME_NONE) {
			m->nr_pfns = pfn;	/* what p2m_free must return */
			return false;
		}
		zero_frame(mfn);
		frame_set_pfn(mfn, pfn);
		p2m_info(m, pfn)->mfn = mfn;
	}
	return true;
}

const char *p2m_alloc(struct p2m *m, uint16_t owner, uint32_t nr_pfns)
{
	memset(m, 0, sizeof(*m));
	for (unsigned i = 0; i < P2M_MAX_TABLE_FRAMES; i++)
		m->table[i] = FRAME_NONE;
	m->owner = owner;
	m->nr_pfns = nr_pfns;
	if (nr_pfns == 0 || nr_pfns > P2M_MAX_PFNS)
		return "memory size out of range";
	if (!alloc_table(m) || !alloc_memory(m)) {
		p2m_free(m);
		return "not enough free memory";
	}
	return 0;
}

void p2m_free(struct p2m *m)
{
	for (uint32_t pfn = 0; pfn < m->nr_pfns; pfn++)
		if (p2m_info(m, pfn) && p2m_info(m, pfn)->mfn)
			frame_free(p2m_info(m, pfn)->mfn);
	for (unsigned i = 0; i < P2M_MAX_TABLE_FRAMES; i++)
		if (m->table[i] != FRAME_NONE)
			frame_free(m->table[i]);
	memset(m, 0, sizeof(*m));
}

struct pfn_info *p2m_info(const struct p2m *m, uint32_t pfn)
{
	uint32_t frame = pfn / P2M_INFO_PER_FRAME;

	if (pfn >= m->nr_pfns || m->table[frame] == FRAME_NONE)
		return 0;
	return &table_page(m, frame)[pfn % P2M_INFO_PER_FRAME];
}
