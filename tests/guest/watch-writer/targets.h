/*
 * targets.h - what a watch writer watches and writes, and what it sees
 * afterwards.
 *
 *   var     a word of a page of its own
 *   alias   the same word, written in turn through its own address, an
 *           alias mapped (and written) before the watch was placed, and
 *           an alias mapped after
 *   pte     the L1 entry that maps a window page: each write points the
 *           window at the other of two frames, with a `mov` to the
 *           entry's low half, as a PV kernel may
 *
 * Every write goes through the exception table, so a page fault (the
 * deny-fault verdict) comes back as a result instead of killing us.
 */
#ifndef WATCH_WRITER_TARGETS_H
#define WATCH_WRITER_TARGETS_H

#include <stdint.h>

enum outcome {
	LANDED,			/* the value written is there */
	UNCHANGED,		/* the old value is still there */
	FAULTED,		/* a page fault (P|W) at the address, unchanged */
	CHANGED_OTHER,		/* another value is there (value=N) */
};

struct result {
	enum outcome outcome;
	uint32_t wrote, now;	/* what we wrote, what is there now */
};

struct target {
	const char *name;
	void (*setup)(void);	/* places the watch */
	struct result (*write)(unsigned i);
};

extern const struct target target_var, target_alias, target_pte;

/* rounds x 4 writes next to var's watched word (it must be set up): one
 * byte either side, and a word ending at its start or starting at its
 * end.  Each must land at once. */
void near_misses(unsigned rounds);

/* n hypercalls asking Warden to write into var's watched word (the
 * extra version string, 16 bytes): each must be refused (-EFAULT), the
 * word untouched. */
void warden_writes(unsigned n);

/* n direct writes to the L1 entry of a page no watch covers: page-table
 * writes, not near misses. */
void table_writes(unsigned n);

#endif
