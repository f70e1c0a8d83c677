/*
 * shared_info_map.h - Warden's view of a domain's shared-info page.
 */
#ifndef CORE_SHARED_INFO_MAP_H
#define CORE_SHARED_INFO_MAP_H

#include "core/domain.h"
#include "include/public/shared_info.h"

/* Map d's shared-info page; every map is paired with an unmap. */
struct shared_info *shared_info_map(const struct domain *d);
void shared_info_unmap(struct shared_info *si);

#endif
