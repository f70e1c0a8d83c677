/*
 * watch_ring.h - Warden's side of the event ring's bookkeeping.
 */
#ifndef CORE_WATCH_RING_H
#define CORE_WATCH_RING_H

#include <stdbool.h>
#include <stdint.h>

/* Warden's own copies of its indices: the monitor's are never trusted. */
struct watch_ring_state {
	uint32_t size;			/* slots: a power of two */
	uint32_t req_prod;		/* requests posted */
	uint32_t rsp_cons;		/* responses taken */
	uint32_t outstanding;		/* posted and not yet answered */
};

void watch_ring_reset(struct watch_ring_state *r, uint32_t size);

/* Whether a request may be posted without overwriting one the monitor
 * has not answered. */
bool watch_ring_has_room(const struct watch_ring_state *r);

/* The slot for the next request; counts it as posted. */
uint32_t watch_ring_post(struct watch_ring_state *r);

/* How many new responses the monitor's response index announces, or -1 if
 * that cannot be (it went backwards, or further than the ring holds). */
int watch_ring_new_responses(const struct watch_ring_state *r, uint32_t rsp_prod);

/* The slot of the next response; counts it as taken. */
uint32_t watch_ring_take(struct watch_ring_state *r);

/* A response (or a late one) answered a posted request: its slot is free. */
void watch_ring_answered(struct watch_ring_state *r);

#endif
