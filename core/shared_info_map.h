/*
 * shared_info_map.h - Warden's view of a domain's shared-info page.
 */
#ifndef CORE_SHARED_INFO_MAP_H
#define CORE_SHARED_INFO_MAP_H

#include <stdint.h>
#include "arch/x86_32/memlayout.h"
#include "core/domain.h"
#include "include/public/shared_info.h"
#include "mm/mapslot.h"

/*
 * Map d's shared-info page; every map is paired with an unmap.  The page
 * is read on every way into the guest, so when it is in the direct map
 * (it nearly always is) its address is kept and mapping costs nothing.
 * The guest and Warden never run at the same time (one CPU, and Warden
 * runs with interrupts off), so plain reads and writes are enough here.
 */
static inline struct shared_info *shared_info_map(const struct domain *d)
{
	return d->shared_info_va ? d->shared_info_va : frame_map(d->shared_info);
}

static inline void shared_info_unmap(struct shared_info *si)
{
	if ((uintptr_t)si >= MAPSLOT_BASE)
		frame_unmap(si);
}

#endif
