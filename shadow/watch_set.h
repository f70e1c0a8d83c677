/*
 * watch_set.h - which bytes of a domain's memory are watched.
 */
#ifndef SHADOW_WATCH_SET_H
#define SHADOW_WATCH_SET_H

#include <stdbool.h>
#include <stdint.h>

#define WATCHES_MAX	4096		/* per domain */

/* A watched byte range [start, end) of pseudo-physical memory. */
struct watch {
	uint32_t start, end;
	uint32_t id;
	uint8_t access;			/* WATCH_WRITE, WATCH_EXEC: a mask */
};

struct watch_set {
	unsigned count;
	uint32_t next_id;
	struct watch w[WATCHES_MAX];	/* sorted by start */
	uint32_t max_end[WATCHES_MAX];	/* max end of w[0..i] */
};

void watch_set_init(struct watch_set *set);

/* Add [start, end); its id (> 0), or 0 if the set is full. */
uint32_t watch_set_add(struct watch_set *set, uint32_t start, uint32_t end,
		       uint8_t access);

/* Remove by id; the removed watch in *out; false if there is none. */
bool watch_set_remove(struct watch_set *set, uint32_t id, struct watch *out);

/* A watch for one of the access kinds in `access` overlapping [start,
 * end), or NULL. */
const struct watch *watch_set_find(const struct watch_set *set, uint32_t start,
				   uint32_t end, uint8_t access);

#endif
