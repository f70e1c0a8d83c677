/*
 * test_backtrace.c - following saved frame pointers in core/backtrace.c.
 *
 * Shows: on fake stacks (a heap block of exactly the view's size, placed at
 * a made-up address such as 0xf6820000) a normal chain is followed up to its
 * EBP of 0 and cut at max; a start or a link that is outside the view,
 * misaligned, in the last word (no room for the return address), equal to
 * itself or lower than the one before ends the walk; a view at the very top
 * of the 32-bit address space does not wrap; and on thousands of random
 * stacks every reported address is a word of the stack and nothing outside
 * the view or past out[max) is touched (AddressSanitizer reports that).
 *
 * Cannot show: that Warden's real stack looks like this (the compiler's
 * frame layout and boot.S's EBP of 0 are checked by the boot tests'
 * backtraces), nor anything about a view whose lo or size is not a
 * multiple of 4, which struct stack_view does not allow.
 */
#include <stdint.h>
#include <stdlib.h>

#include "core/backtrace.h"
#include "tests/unit/unit.h"

#define BASE 0xf6820000u
#define SENTINEL 0xdeadbeefu

struct fake_stack {
	uint32_t *words;	/* exactly nwords, so ASan sees any overread */
	unsigned nwords;
	struct stack_view view;
};

static struct fake_stack fake_new(uint32_t lo, unsigned nwords)
{
	struct fake_stack s;

	s.words = calloc(nwords ? nwords : 1, 4);
	s.nwords = nwords;
	s.view = (struct stack_view){ s.words, lo, lo + 4 * nwords };
	return s;
}

static void fake_free(struct fake_stack *s)
{
	free(s->words);
}

/* A frame at address ebp: the saved caller EBP, then the return address. */
static void put_frame(struct fake_stack *s, uint32_t ebp, uint32_t caller,
		      uint32_t ret)
{
	s->words[(ebp - s->view.lo) / 4] = caller;
	s->words[(ebp - s->view.lo) / 4 + 1] = ret;
}

/*
 * Walk with an out buffer of exactly max words (so ASan sees a write past
 * it), check the count and the addresses, and that nothing past n changed.
 */
static void check_walk(const struct fake_stack *s, uint32_t ebp, unsigned max,
		       const uint32_t *want, unsigned nwant)
{
	uint32_t *out = malloc((max ? max : 1) * sizeof(uint32_t));
	unsigned n;

	for (unsigned i = 0; i < max; i++)
		out[i] = SENTINEL;
	n = backtrace_walk(&s->view, ebp, out, max);
	CHECK_EQ(n, nwant);
	for (unsigned i = 0; i < n && i < nwant; i++)
		CHECK_EQ(out[i], want[i]);
	for (unsigned i = n; i < max; i++)
		CHECK_EQ(out[i], SENTINEL);
	free(out);
}

/* Three frames going up the stack, the last with a caller EBP of 0. */
static struct fake_stack normal_stack(void)
{
	struct fake_stack s = fake_new(BASE, 64);

	put_frame(&s, BASE + 0x10, BASE + 0x40, 0xf6801111);
	put_frame(&s, BASE + 0x40, BASE + 0x80, 0xf6802222);
	put_frame(&s, BASE + 0x80, 0, 0xf6803333);
	return s;
}

static const uint32_t normal_rets[] = { 0xf6801111, 0xf6802222, 0xf6803333 };

static void test_normal_chain(void)
{
	struct fake_stack s = normal_stack();

	check_walk(&s, BASE + 0x10, 16, normal_rets, 3);
	check_walk(&s, BASE + 0x40, 16, normal_rets + 1, 2);
	check_walk(&s, BASE + 0x80, 3, normal_rets + 2, 1);
	check_walk(&s, 0, 16, NULL, 0);
	fake_free(&s);
}

static void test_max_limit(void)
{
	struct fake_stack s = normal_stack();

	check_walk(&s, BASE + 0x10, 3, normal_rets, 3);
	check_walk(&s, BASE + 0x10, 2, normal_rets, 2);
	check_walk(&s, BASE + 0x10, 1, normal_rets, 1);
	check_walk(&s, BASE + 0x10, 0, NULL, 0);
	fake_free(&s);
}

/* Where a walk starts; each must give nothing. */
static void test_start_outside_or_misaligned(void)
{
	struct fake_stack s = normal_stack();
	const uint32_t hi = s.view.hi;
	const uint32_t bad[] = {
		BASE - 4, BASE - 8, hi, hi + 4, 0xfffffffc, 0xffffffff,
		4, BASE + 0x12, BASE + 0x11, BASE + 0x13,
		hi - 4,		/* last word: no room for the return address */
		hi - 1, hi - 2, hi - 3,
	};

	for (unsigned i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		check_walk(&s, bad[i], 16, NULL, 0);
	fake_free(&s);
}

static void test_first_and_last_slot(void)
{
	struct fake_stack s = fake_new(BASE, 4);
	const uint32_t one[] = { 0xf6805555 }, lo_ret[] = { 0xf6806666 };

	put_frame(&s, BASE + 8, 0, 0xf6805555);	/* hi - 8: just fits */
	check_walk(&s, BASE + 8, 4, one, 1);
	put_frame(&s, BASE, 0, 0xf6806666);		/* at lo itself */
	check_walk(&s, BASE, 4, lo_ret, 1);
	fake_free(&s);
}

/* A chain whose second link is bad stops after the first address. */
static void test_bad_link(void)
{
	const uint32_t links[] = {
		BASE - 0x100,		/* below the view */
		BASE + 64 * 4,		/* at hi */
		BASE + 0x1000,		/* above */
		BASE + 0x42,		/* misaligned */
		BASE + 63 * 4,		/* last word */
		BASE + 0x10,		/* itself: a loop */
		BASE + 0x0c,		/* below itself: going downward */
		BASE,			/* the bottom of the stack */
	};
	const uint32_t want[] = { 0xf6801111 };

	for (unsigned i = 0; i < sizeof(links) / sizeof(links[0]); i++) {
		struct fake_stack s = fake_new(BASE, 64);

		put_frame(&s, BASE + 0x10, links[i], 0xf6801111);
		put_frame(&s, BASE + 0x40, 0, 0xf6802222);	/* unreached */
		check_walk(&s, BASE + 0x10, 16, want, 1);
		fake_free(&s);
	}
}

static void test_cycle_of_two(void)
{
	struct fake_stack s = fake_new(BASE, 64);
	const uint32_t want[] = { 0xf6801111, 0xf6802222 };

	put_frame(&s, BASE + 0x10, BASE + 0x40, 0xf6801111);
	put_frame(&s, BASE + 0x40, BASE + 0x10, 0xf6802222);
	check_walk(&s, BASE + 0x10, 16, want, 2);
	fake_free(&s);
}

/* A view ending just below 2^32: hi - ebp and ebp + 4 must not wrap. */
static void test_top_of_address_space(void)
{
	struct fake_stack s = fake_new(0xffffffe0u, 7);	/* hi = 0xfffffffc */
	const uint32_t want[] = { 0x11111111, 0x22222222 };

	put_frame(&s, 0xffffffe4u, 0xfffffff4u, 0x11111111);
	put_frame(&s, 0xfffffff4u, 0xfffffff8u, 0x22222222);
	check_walk(&s, 0xffffffe4u, 16, want, 2);
	check_walk(&s, 0xfffffff8u, 16, NULL, 0);
	check_walk(&s, 0xfffffffcu, 16, NULL, 0);
	fake_free(&s);
}

static void test_empty_view(void)
{
	struct stack_view v = { NULL, BASE, BASE };
	uint32_t out[4] = { SENTINEL, SENTINEL, SENTINEL, SENTINEL };

	CHECK_EQ(backtrace_walk(&v, BASE, out, 4), 0);
	CHECK_EQ(backtrace_walk(&v, BASE - 4, out, 4), 0);
	CHECK_EQ(out[0], SENTINEL);
}

static uint32_t rng = 2024;

static uint32_t rnd(void)
{
	rng = rng * 1103515245u + 12345u;
	return rng >> 7;
}

/* A word that is often a plausible frame pointer into or near the view. */
static uint32_t random_word(uint32_t lo, unsigned nwords)
{
	switch (rnd() % 4) {
	case 0:
		return 0;
	case 1:
		return rnd();
	default:
		return lo - 8 + rnd() % (4 * nwords + 16);
	}
}

/* Is v one of the words of s at an address ebp + 4 with ebp in the view? */
static int is_stack_word(const struct fake_stack *s, uint32_t v)
{
	for (unsigned i = 1; i < s->nwords; i++)
		if (s->words[i] == v)
			return 1;
	return 0;
}

static void test_random_stacks(void)
{
	for (unsigned round = 0; round < 3000; round++) {
		unsigned nwords = rnd() % 24;
		uint32_t lo = round % 7 ? BASE + 4 * (rnd() % 8) : 0xffffff00u;
		struct fake_stack s = fake_new(lo, nwords);
		unsigned max = rnd() % 10;
		uint32_t *out = malloc((max ? max : 1) * sizeof(uint32_t));
		unsigned n;

		for (unsigned i = 0; i < nwords; i++)
			s.words[i] = random_word(lo, nwords);
		n = backtrace_walk(&s.view, random_word(lo, nwords), out, max);
		CHECK(n <= max);
		/* Frames ascend, each needs two words: at most nwords - 1. */
		CHECK(n <= (nwords < 2 ? 0 : nwords - 1));
		for (unsigned i = 0; i < n && i < max; i++)
			CHECK(is_stack_word(&s, out[i]));
		free(out);
		fake_free(&s);
	}
}

int main(void)
{
	UNIT_CASE(test_normal_chain);
	UNIT_CASE(test_max_limit);
	UNIT_CASE(test_start_outside_or_misaligned);
	UNIT_CASE(test_first_and_last_slot);
	UNIT_CASE(test_bad_link);
	UNIT_CASE(test_cycle_of_two);
	UNIT_CASE(test_top_of_address_space);
	UNIT_CASE(test_empty_view);
	UNIT_CASE(test_random_stacks);
	return unit_finish();
}
