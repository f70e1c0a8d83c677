/*
 * work_kv.c - a small key-value table (work.h).
 *
 * Open addressing with linear probing, key 0 meaning an empty slot.  The
 * check is that every key put in is found again: a fault in a key (or in
 * the zeroing that empties the table) shows as a key lost; a fault in a
 * value is not checked, and shows only against the golden result.
 */
#include "guest/kernel/work.h"

static uint32_t value_of(uint32_t key)
{
	return key * 2654435761u;
}

/* The slot holding key, or the empty one where it would go; KV_SLOTS if
 * neither is found. */
static uint32_t probe(volatile uint32_t *buf, uint32_t key)
{
	for (uint32_t n = 0, i = key % KV_SLOTS; n < KV_SLOTS; n++, i = (i + 1) % KV_SLOTS)
		if (buf[2 * i] == key || buf[2 * i] == 0)
			return i;
	return KV_SLOTS;
}

struct work_result work_kv(volatile uint32_t *buf, uint32_t seed)
{
	uint32_t x = seed, sum = WORK_MIX_START, slot, key;
	bool lost = false;

	for (uint32_t i = 0; i < KV_WORDS; i++)
		buf[i] = 0;
	for (uint32_t k = 0; k < KV_KEYS; k++) {
		key = work_next(&x) | 1;	/* never 0, the empty key */
		slot = probe(buf, key);
		if (slot == KV_SLOTS)
			continue;		/* full: the lookup will say */
		buf[2 * slot] = key;
		buf[2 * slot + 1] = value_of(key);
	}
	x = seed;
	for (uint32_t k = 0; k < KV_KEYS; k++) {
		key = work_next(&x) | 1;
		slot = probe(buf, key);
		lost |= slot == KV_SLOTS || buf[2 * slot] != key;
		sum = work_mix(sum, slot == KV_SLOTS ? 0 : buf[2 * slot + 1]);
	}
	return (struct work_result){ sum, lost };
}
