/*
 * ring.h - the test monitor's end of Warden's event ring.
 *
 * One page of ours (struct watch_ring, warden.h).  Warden produces
 * requests (req_prod) and we consume them (req_cons); we produce responses
 * (rsp_prod) and Warden consumes them (rsp_cons) when we call
 * MONITOR_OP_responses.  Indices only grow; a slot is index & (size - 1).
 * Unlike a real monitor's, this end can also break the rules on purpose
 * (ring_bad_index), to see Warden refuse.
 */
#ifndef MON_TEST_RING_H
#define MON_TEST_RING_H

#include <stdbool.h>
#include <stdint.h>

#include "include/public/warden.h"

/* A port for Warden to raise when it posts a request. */
uint32_t ring_port(void);

/* Register our ring page, with 2^order slots and timeout_ms (0:
 * Warden's own), to be raised on port; the test ends if Warden refuses. */
void ring_register(uint32_t port, uint32_t order, uint32_t timeout_ms);

/* Registrations Warden must refuse (before ring_register): bad orders,
 * an unaligned page, bad ports, pages that are not ours to lend. */
void ring_check_refusals(uint32_t port);

/* The ring on a page Warden must not lend out (before ring_register):
 * "table", the L1 table that maps our image, or "shared-info". */
void ring_check_page(uint32_t port, const char *which);

/* A second registration (after ring_register) must be refused. */
void ring_check_once(uint32_t port);

/* The number of slots. */
uint32_t ring_slots(void);

/* Copy the next request out into *req and give its slot back; false if
 * none waits. */
bool ring_take(struct watch_request *req);

/* Put a response on the ring (telling Warden first if no slot is free). */
void ring_put(const struct watch_response *rsp);

/* MONITOR_OP_responses: Warden takes what we put. */
void ring_push(void);

/* Move rsp_prod further than Warden could ever have answers to read,
 * call MONITOR_OP_responses, and move it back. */
void ring_bad_index(void);

#endif
