/*
 * table_find.h - is this guest frame one of the guest's page tables?
 */
#ifndef SHADOW_TABLE_FIND_H
#define SHADOW_TABLE_FIND_H

#include <stdint.h>
#include "mm/p2m.h"

/*
 * The level (2 for an L2, 1 for an L1) at which guest frame pfn serves as
 * a page table in the guest's current tables, rooted at the L3 at
 * pseudo-physical address cr3; 0 if it serves as none.
 */
unsigned table_find_level(const struct p2m *m, uint32_t cr3, uint32_t pfn);

#endif
