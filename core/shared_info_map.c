/*
 * shared_info_map.c - the shared-info page is an ordinary frame of the
 * domain (pfn nr_pages), written by the guest and by Warden.  Neither runs
 * while the other does (one CPU, and Warden runs with interrupts off), so
 * plain reads and writes are enough on Warden's side.
 */
#include "core/shared_info_map.h"
#include "mm/mapslot.h"

struct shared_info *shared_info_map(const struct domain *d)
{
	return frame_map(d->shared_info);
}

void shared_info_unmap(struct shared_info *si)
{
	frame_unmap(si);
}
