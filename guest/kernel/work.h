/*
 * work.h - the experiment's workloads: small computations that check
 * themselves (experiment.h runs them).
 *
 * Each computes from a seed into a buffer it is given and returns its
 * result and whether its own check caught something wrong.  It runs twice
 * with the same seed: once on plain memory, for the golden result, and
 * once on a buffer Warden watches, whose writes an experiment may fault.
 * The code is the same both times, so the golden result is the right
 * answer whatever the code computes, and only the watched run can go
 * wrong.  Buffers are volatile: every store in the source is a store the
 * CPU makes, so the writes an experiment counts are the writes written.
 */
#ifndef KERNEL_WORK_H
#define KERNEL_WORK_H

#include <stdbool.h>
#include <stdint.h>

#define CHECKSUM_WORDS	33		/* 32 words and their checksum */
#define SORT_WORDS	16
#define KV_SLOTS	16
#define KV_KEYS		8
#define KV_WORDS	(2 * KV_SLOTS)	/* key, value, key, value, ... */

struct work_result {
	uint32_t value;
	bool detected;			/* the workload's own check failed */
};

typedef struct work_result (*work_fn)(volatile uint32_t *buf, uint32_t seed);

/* Marsaglia's xorshift32 (never 0 from a seed that is not 0). */
static inline uint32_t work_next(uint32_t *x)
{
	*x ^= *x << 13;
	*x ^= *x >> 17;
	*x ^= *x << 5;
	return *x;
}

/* One step of FNV-1a over a word. */
static inline uint32_t work_mix(uint32_t h, uint32_t w)
{
	return (h ^ w) * 16777619u;
}

#define WORK_MIX_START	2166136261u

/* 32 words from the seed and their checksum after them; the check
 * recomputes it from memory. */
struct work_result work_checksum(volatile uint32_t *buf, uint32_t seed);

/* SORT_WORDS numbers from the seed, insertion-sorted in place; the check
 * is that they come out in order, the result a checksum over them. */
struct work_result work_sort(volatile uint32_t *buf, uint32_t seed);

/* A hash table of KV_SLOTS key-value pairs, linear probing; KV_KEYS keys
 * go in, and each is looked up again: the check is that each is found,
 * the result a checksum over the values found. */
struct work_result work_kv(volatile uint32_t *buf, uint32_t seed);

#endif
