/*
 * shadow_shim.c - Warden's memory under the shadow code, on the host
 * (see shadow_shim.h).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tests/unit/shadow_shim.h"
#include "arch/x86_32/memlayout.h"
#include "mm/frame.h"
#include "mm/mapslot.h"
#include "mm/switcher_map.h"
#include "core/console.h"

static uint8_t *arena;
static struct frame_info table[SHIM_FRAMES];
static struct pfn_info infos[SHIM_FRAMES / 2];
static int mapped;

void shim_reset(void)
{
	if (!arena)
		arena = aligned_alloc(PAGE_SIZE, (size_t)SHIM_FRAMES * PAGE_SIZE);
	memset(arena, 0xcc, (size_t)SHIM_FRAMES * PAGE_SIZE);
	frame_table_init(table, SHIM_FRAMES);
	frame_add_free(1, SHIM_FRAMES - 1);
	memset(infos, 0, sizeof(infos));
	mapped = 0;
}

void shim_p2m(struct p2m *m, uint32_t nr_pfns)
{
	memset(m, 0, sizeof(*m));
	m->owner = SHIM_OWNER;
	m->nr_pfns = nr_pfns;
	for (uint32_t pfn = 0; pfn < nr_pfns; pfn++) {
		uint32_t mfn = frame_alloc(FRAME_DOMAIN, SHIM_OWNER);

		frame_set_pfn(mfn, pfn);
		infos[pfn].mfn = mfn;
		memset(arena + (size_t)mfn * PAGE_SIZE, 0, PAGE_SIZE);
	}
}

void *shim_guest_page(const struct p2m *m, uint32_t pfn)
{
	return shim_frame(p2m_info(m, pfn)->mfn);
}

pte_t *shim_frame(uint32_t mfn)
{
	return (pte_t *)(arena + (size_t)mfn * PAGE_SIZE);
}

int shim_mapped(void)
{
	return mapped;
}

struct pfn_info *p2m_info(const struct p2m *m, uint32_t pfn)
{
	return pfn < m->nr_pfns ? &infos[pfn] : NULL;
}

void *frame_map(uint32_t mfn)
{
	if (mfn == 0 || mfn >= SHIM_FRAMES)
		abort();	/* the shadow code mapped a frame it never had */
	mapped++;
	return arena + (size_t)mfn * PAGE_SIZE;
}

void frame_unmap(void *va)
{
	(void)va;
	mapped--;
}

void switcher_map_top_entries(uint32_t l1_mfn, pte_t out[WARDEN_L2_SLOTS])
{
	(void)l1_mfn;
	for (unsigned i = 0; i < WARDEN_L2_SLOTS; i++)
		out[i] = SHIM_SWITCHER | i;
}

/* Warden's console: the shadow code reports through printk; here the
 * host's standard output stands in for the serial port. */
void printk(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
}
