/*
 * spec.h - an experiment: which watched writes go wrong, and how.
 *
 * People use Warden to see how software behaves when memory goes wrong.
 * The monitor already decides every watched write; an experiment makes
 * some of those decisions faults.  It is one word of the monitor's
 * command line, four fields separated by colons:
 *
 *	inject=TARGET:MODEL:TRIGGER[:seed=S]
 *
 *   TARGET   a watch id (the number Warden gave it: the kernel prints
 *            "watch N"), or * for every watch
 *   MODEL    what the fault does to the write it hits:
 *              flip=K         flip bit K (0 = least significant) of the
 *                             value written (a bit past the write's size
 *                             leaves it alone, and says so)
 *              stuck0=MASK    the bits of MASK read 0 ...
 *              stuck1=MASK    ... or 1, whatever is written
 *              drop           the write does not happen
 *              value=N        N is written instead
 *              corrupt=ADDR+LEN  LEN bytes (1 to 4096) of the writer's
 *                             memory at ADDR (pseudo-physical, or
 *                             guest-virtual with a v in front) get random
 *                             bytes; the write itself goes through
 *   TRIGGER  which hits of the target the model applies to (hits count
 *            from 1, the target's own writes only):
 *              nth=N          the Nth hit
 *              window=A-B     every hit from the Ath to the Bth
 *              p=P            every hit, with probability P (0, 1, or a
 *                             decimal fraction 0.DDDDDDDDD), drawn from
 *                             the seeded generator
 *              time=A-B       every hit from A to B nanoseconds of
 *                             Warden's system time (inclusive).  In a
 *                             deterministic run (-icount shift=0) a
 *                             nanosecond is one instruction, so this is
 *                             a window of instruction counts; with
 *                             corrupt=, it corrupts memory at a given
 *                             instruction count (the first hit after A)
 *   seed=S   the generator's seed (default 1): the same seed gives the
 *            same draws and the same random bytes, so the same run
 *
 * Examples:
 *	inject=1:flip=3:nth=5              bit 3 of watch 1's fifth write
 *	inject=*:stuck1=0x80000000:window=10-20
 *	inject=3:drop:p=0.25:seed=42       a quarter of watch 3's writes lost
 *	inject=2:corrupt=v0xc0105000+16:nth=1:seed=7
 *	inject=1:flip=0:time=50000000-60000000   instructions 50M to 60M
 *
 * A spec that does not parse names its bad field ("the MODEL ...").
 * Pure data and arithmetic: no hypercall here, so the host's unit tests
 * run it (tests/unit/test_monitor_spec.c).
 */
#ifndef MONITOR_SPEC_H
#define MONITOR_SPEC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "guest/monitor/words.h"

#define SPEC_CORRUPT_MAX	4096	/* one MONITOR_OP_write_memory */
#define SPEC_TEXT_MAX		128

enum fault_model {
	MODEL_FLIP,
	MODEL_STUCK0,
	MODEL_STUCK1,
	MODEL_DROP,
	MODEL_VALUE,
	MODEL_CORRUPT,
	MODEL_KINDS
};

enum fault_trigger {
	TRIGGER_HITS,		/* nth=N and window=A-B: hits first..last */
	TRIGGER_CHANCE,		/* p=P */
	TRIGGER_TIME,		/* time=A-B: hits from time from to until */
};

struct spec {
	bool any_watch;
	uint32_t watch;			/* the target, unless any_watch */
	enum fault_model model;
	uint64_t arg;			/* flip's bit, stuck's mask, value's N */
	bool virtual;			/* corrupt's ADDR is guest-virtual */
	uint32_t addr, len;		/* corrupt's range */
	enum fault_trigger trigger;
	uint32_t first, last;		/* TRIGGER_HITS, inclusive */
	uint64_t threshold;		/* TRIGGER_CHANCE: fire when a 32-bit
					 * draw is below it (2^32: always) */
	uint64_t from, until;		/* TRIGGER_TIME, ns, inclusive */
	uint32_t seed;
};

/* The spec "TARGET:MODEL:TRIGGER[:seed=S]" (after "inject=") into *s;
 * NULL, or why not, naming the field. */
const char *spec_parse(struct word text, struct spec *s);

/* The model as the spec says it ("flip=3", "drop"); the length (sformat's). */
int spec_model_format(char *buf, size_t size, const struct spec *s);

/* The whole spec, as spec_parse reads it (p=P with 9 digits). */
int spec_format(char *buf, size_t size, const struct spec *s);

#endif
