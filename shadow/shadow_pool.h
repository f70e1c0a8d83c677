/*
 * shadow_pool.h - shadow tables as nodes of a tree, within a vCPU's frame
 * budget; for the shadow code only (shadow_pool.c says how it works).
 */
#ifndef SHADOW_SHADOW_POOL_H
#define SHADOW_SHADOW_POOL_H

#include <stdbool.h>
#include <stdint.h>
#include "shadow/shadow.h"

#define SHADOW_TOP_SLOT	3	/* the root entry for the GiB Warden shares */

/* A new node of `level` with a zeroed table (and links, for an L1), used
 * now; the least recently used tables make room.  0 if no memory. */
unsigned pool_alloc(struct shadow *s, unsigned level);

/* Hang node child from entry `slot` of node parent, and point that entry
 * at it. */
void pool_hang(struct shadow *s, unsigned parent, unsigned slot, unsigned child);

/* The node hanging from entry `slot` of node parent, or 0. */
unsigned pool_child(const struct shadow *s, unsigned parent, unsigned slot);

/* Free node i and every node below it, and clear the entry pointing at
 * it. */
void pool_free(struct shadow *s, unsigned i);

/* A fault (or a new base pointer) went through node i just now. */
static inline void pool_touch(struct shadow *s, unsigned i)
{
	s->nodes[i].used = s->clock;
}

/* Whether node i is a root's L2 for the top GiB, which holds Warden's
 * entries too and lives as long as its root. */
static inline bool pool_is_top(const struct shadow *s, unsigned i)
{
	return s->nodes[i].level == 2 && s->nodes[i].slot == SHADOW_TOP_SLOT;
}

#endif
