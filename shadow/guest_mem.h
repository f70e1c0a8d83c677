/*
 * guest_mem.h - a domain's pseudo-physical memory, for the guest walk.
 */
#ifndef SHADOW_GUEST_MEM_H
#define SHADOW_GUEST_MEM_H

#include "mm/p2m.h"
#include "shadow/guest_walk.h"

/* Reads of frame pfn go to the machine frame the P2M names. */
struct guest_mem guest_mem_of(const struct p2m *m);

#endif
