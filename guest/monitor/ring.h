/*
 * ring.h - the monitor's end of Warden's event ring.
 *
 * The ring is one page of our memory (struct watch_ring, warden.h), in two
 * halves: Warden produces requests and we consume them; we produce the
 * responses and Warden consumes them.  Each index only grows, and a slot
 * is index & (size - 1); each side writes only its own two indices.
 * When Warden posts a request it raises our port; after we answer, we say
 * so with MONITOR_OP_responses, and Warden reads every new response.
 */
#ifndef MONITOR_RING_H
#define MONITOR_RING_H

#include <stdbool.h>
#include <stdint.h>

#include "include/public/event_channel.h"
#include "include/public/warden.h"

#define RING_ORDER	WATCH_RING_MAX_ORDER

/* A port for Warden to raise, and the ring page registered with it; the
 * port, or -XEN_Exxx (the step that failed is printed). */
long ring_init(void);

/* Copy the next request out of the ring into *req; false if none waits. */
bool ring_take(struct watch_request *req);

/* Put an answer on the ring (saying so to Warden first if it is full). */
void ring_answer(const struct watch_response *rsp);

/* Tell Warden about the answers put since the last time, if any. */
void ring_push(void);

#endif
