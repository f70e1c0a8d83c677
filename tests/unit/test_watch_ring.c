/*
 * test_watch_ring.c - the event ring's index arithmetic.
 * Shows: empty and full, slots in order, wrap-around of the free-running
 * indices at 2^32, and refusal of response indices that went backwards or
 * announce more responses than the ring holds.  Cannot show: the monitor's side
 * (boot tests watch-ring-full and watch-bad-*).
 */
#include "core/watch_ring.h"
#include "tests/unit/unit.h"

static struct watch_ring_state r;

static void test_empty_and_full(void)
{
	watch_ring_reset(&r, 4);
	CHECK(watch_ring_has_room(&r));
	CHECK_EQ(watch_ring_new_responses(&r, 0), 0);
	for (unsigned i = 0; i < 4; i++)
		CHECK_EQ(watch_ring_post(&r), i);
	CHECK(!watch_ring_has_room(&r));
	CHECK_EQ(watch_ring_new_responses(&r, 4), 4);
	CHECK_EQ(watch_ring_take(&r), 0);
	CHECK(!watch_ring_has_room(&r));	/* taken is not yet answered */
	watch_ring_answered(&r);
	CHECK(watch_ring_has_room(&r));
	CHECK_EQ(watch_ring_post(&r), 0);	/* the slot answered is reused */
}

static void test_bad_indices(void)
{
	watch_ring_reset(&r, 8);
	watch_ring_post(&r);
	watch_ring_post(&r);
	CHECK_EQ(watch_ring_new_responses(&r, 9), -1);		/* more than fit */
	CHECK_EQ(watch_ring_new_responses(&r, 8), 8);		/* bad ones may come */
	CHECK_EQ(watch_ring_new_responses(&r, 0xffffffffu), -1);	/* backwards */
	CHECK_EQ(watch_ring_new_responses(&r, 2), 2);
	watch_ring_take(&r);
	CHECK_EQ(watch_ring_new_responses(&r, 0), -1);		/* backwards */
	CHECK_EQ(watch_ring_new_responses(&r, 1), 0);
	watch_ring_answered(&r);
	watch_ring_answered(&r);
	watch_ring_answered(&r);				/* never below 0 */
	CHECK_EQ(r.outstanding, 0);
}

/* Start just below the wrap and go round: slots and counts stay right. */
static void test_wrap_around(void)
{
	watch_ring_reset(&r, 2);
	r.req_prod = r.rsp_cons = 0xfffffffeu;
	for (unsigned i = 0; i < 10; i++) {
		uint32_t prod = r.req_prod;

		CHECK_EQ(watch_ring_post(&r), prod & 1);
		CHECK_EQ(watch_ring_new_responses(&r, prod + 1), 1);
		CHECK_EQ(watch_ring_take(&r), prod & 1);
		watch_ring_answered(&r);
		CHECK_EQ(r.outstanding, 0);
	}
	CHECK_EQ(r.req_prod, 8);
}

int main(void)
{
	UNIT_CASE(test_empty_and_full);
	UNIT_CASE(test_bad_indices);
	UNIT_CASE(test_wrap_around);
	return unit_finish();
}
