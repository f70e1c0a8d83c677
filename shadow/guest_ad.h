/*
 * guest_ad.h - setting accessed and dirty bits in a guest's own entries.
 */
#ifndef SHADOW_GUEST_AD_H
#define SHADOW_GUEST_AD_H

#include <stdbool.h>
#include <stdint.h>
#include "arch/x86_32/pae.h"
#include "mm/p2m.h"
#include "shadow/guest_walk.h"

/* guest_ad_mark()'s work when there is some (guest_ad.c). */
void guest_ad_set(const struct p2m *m, uint32_t va, struct guest_walk *w,
		  bool write);

/*
 * The access the successful walk w describes is happening: set A in the
 * guest's L2 and L1 entries (the L2 entry only, for a 2 MiB page) and, for
 * a write, D in the entry that maps the page -- in the guest's tables and
 * in w's copies of the entries.  Mostly they are set already: that case
 * costs a test, here, on every copy to or from a guest.
 */
static inline void guest_ad_mark(const struct p2m *m, uint32_t va,
				 struct guest_walk *w, bool write)
{
	uint64_t leaf = PTE_A | (write ? PTE_D : 0);

	if (!(w->l2e & PTE_A) || (guest_walk_leaf(w) & leaf) != leaf)
		guest_ad_set(m, va, w, write);
}

#endif
