/*
 * guest_mem.c - the guest walk (guest_walk.c) is pure code that reads
 * guest frames through a pair of callbacks; in Warden those callbacks go
 * through the domain's P2M to a temporary mapping of the machine frame.
 */
#include "shadow/guest_mem.h"
#include "mm/mapslot.h"

static const void *map_pfn(void *ctx, uint32_t pfn)
{
	const struct pfn_info *info = p2m_info(ctx, pfn);

	return info ? frame_map(info->mfn) : 0;
}

static void unmap_page(void *ctx, const void *page)
{
	(void)ctx;
	frame_unmap((void *)page);
}

struct guest_mem guest_mem_of(const struct p2m *m)
{
	return (struct guest_mem){ (void *)m, map_pfn, unmap_page };
}
