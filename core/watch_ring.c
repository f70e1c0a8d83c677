/*
 * watch_ring.c - index arithmetic for the event ring (include/public/
 * warden.h), pure, so it is tested on the host.
 *
 * Indices run freely and wrap at 2^32; a slot is index & (size - 1), and
 * the difference of two indices is right across the wrap because it is
 * computed in unsigned arithmetic.  Every request posted is owed exactly
 * one answer, so a request slot can be reused once fewer than `size`
 * requests are unanswered.  The response slots hold at most `size`
 * responses, so a response index further ahead than that (or behind,
 * which in unsigned arithmetic is the same thing) is refused.  A response
 * that answers nothing (a bad one) is taken but settles no debt.
 */
#include "core/watch_ring.h"

void watch_ring_reset(struct watch_ring_state *r, uint32_t size)
{
	*r = (struct watch_ring_state){ size, 0, 0, 0 };
}

bool watch_ring_has_room(const struct watch_ring_state *r)
{
	return r->outstanding < r->size;
}

uint32_t watch_ring_post(struct watch_ring_state *r)
{
	uint32_t slot = r->req_prod & (r->size - 1);

	r->req_prod++;
	r->outstanding++;
	return slot;
}

int watch_ring_new_responses(const struct watch_ring_state *r, uint32_t rsp_prod)
{
	uint32_t n = rsp_prod - r->rsp_cons;

	return n <= r->size ? (int)n : -1;
}

uint32_t watch_ring_take(struct watch_ring_state *r)
{
	uint32_t slot = r->rsp_cons & (r->size - 1);

	r->rsp_cons++;
	return slot;
}

void watch_ring_answered(struct watch_ring_state *r)
{
	if (r->outstanding)
		r->outstanding--;
}
