/*
 * mapslot.h - temporary mappings of any machine frame.
 */
#ifndef MM_MAPSLOT_H
#define MM_MAPSLOT_H

#include <stdint.h>
#include "arch/x86_32/pae.h"

/* slots: the page-table entries that cover MAPSLOT_BASE.. */
void mapslot_init(pte_t *slots);

/* A pointer to machine frame mfn, until frame_unmap(); panics if every
 * slot is taken (a leak in Warden). */
void *frame_map(uint32_t mfn);
void frame_unmap(void *va);

unsigned mapslot_in_use(void);

#endif
