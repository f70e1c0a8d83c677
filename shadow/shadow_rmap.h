/*
 * shadow_rmap.h - the reverse map of shadow tables and writable entries,
 * for the shadow code only (shadow_rmap.c says how it works).
 */
#ifndef SHADOW_SHADOW_RMAP_H
#define SHADOW_SHADOW_RMAP_H

#include <stdint.h>
#include "shadow/shadow.h"

/* The first shadow table copying guest frame pfn (0: none); the next is
 * s->nodes[i].same. */
unsigned rmap_first_table(const struct shadow *s, uint32_t pfn);

/* Node i now copies its gpfn (none for GW_NO_PFN): list it there, and
 * make every writable mapping of that frame read-only. */
void rmap_add_table(struct shadow *s, unsigned i);

/* Node i stops copying its gpfn; the last one unshadows the frame. */
void rmap_remove_table(struct shadow *s, unsigned i);

/* Write entry `slot` of shadow L1 node i, keeping the lists of writable
 * entries true. */
void rmap_set_leaf(struct shadow *s, unsigned i, unsigned slot, pte_t e);

/* Shadow L1 node i is about to be freed: take its writable entries off
 * their frames' lists. */
void rmap_forget_leaves(struct shadow *s, unsigned i);

#endif
