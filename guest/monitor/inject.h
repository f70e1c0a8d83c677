/*
 * inject.h - when an experiment's fault fires, and what it makes of a
 * write (spec.h says how an experiment is written).
 *
 * An injector counts the hits of its target watch, one a request, and
 * asks its trigger whether this hit is one to fault; a chance trigger
 * draws from a xorshift32 generator seeded by the spec, once a hit, so
 * the same seed draws the same numbers at the same hits.  The model then
 * turns the write into a verdict: a flipped, stuck or replaced value
 * (WATCH_WRITE_VALUE), a dropped write (WATCH_DENY), or, for corrupt, the
 * write allowed and the memory spoiled by the caller (fault.h).
 *
 * Pure arithmetic on a request: the host's unit tests run it.
 */
#ifndef MONITOR_INJECT_H
#define MONITOR_INJECT_H

#include <stdbool.h>
#include <stdint.h>

#include "guest/monitor/policy.h"
#include "guest/monitor/spec.h"
#include "include/public/warden.h"

struct injector {
	struct spec spec;
	uint32_t hits;			/* the target's writes so far */
	uint32_t faults;		/* how many were faulted */
	uint32_t rng;			/* xorshift32's state, never 0 */
};

/* Marsaglia's xorshift32: the next number, and the state moved on. */
uint32_t xorshift32(uint32_t *state);

/* An injector for spec, no hits yet. */
void injector_init(struct injector *inj, const struct spec *spec);

/* Count req if it hits the target; whether the fault fires on it. */
bool injector_fires(struct injector *inj, const struct watch_request *req);

/* What the model makes of req's write.  *applies is false when it
 * changes nothing (a flip past the write's size): then the verdict is
 * allow. */
struct verdict injector_verdict(const struct injector *inj, const struct watch_request *req,
				bool *applies);

/* Fill len bytes at buf from the generator (corrupt's bytes). */
void injector_fill(struct injector *inj, uint8_t *buf, uint32_t len);

#endif
