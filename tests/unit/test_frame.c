/*
 * test_frame.c - the frame table and the frame allocator of mm/frame.c.
 *
 * Shows: init makes every frame absent; only absent frames become free, and
 * ranges past the end (also ones whose end wraps past 2^32) are clipped;
 * frames come out low first within a range, with the type and owner asked
 * for; exhaustion gives FRAME_NONE; frame_free refuses free, absent,
 * reserved and out-of-range frames and then changes nothing; claimed free
 * frames leave the free list and are never handed out; and thousands of
 * random alloc/free/claim/add operations agree with a plain array model,
 * never handing out a frame that is in use.  After every operation the
 * per-type counters equal a recount made from frame_get().
 *
 * Cannot show: anything about the real table's placement (frame_setup.c),
 * nor what happens when the caller breaks the interface (a type outside
 * enum frame_type, or frame_claim with FRAME_FREE or FRAME_ABSENT, which
 * would leave a "free" frame off the free list; the random run avoids them).
 */
#include <stdint.h>
#include <string.h>

#include "mm/frame.h"
#include "tests/unit/unit.h"

#define N 64
#define OWNER_DOM 7

static struct frame_info table[N + 1];	/* one spare entry, never used */

/* Recount the types from frame_get() and compare with frame_count(). */
static int counts_ok(void)
{
	uint32_t seen[FRAME_TYPES] = { 0 };
	uint32_t total = frame_total();
	int ok = 1;

	for (uint32_t mfn = 0; mfn < total; mfn++) {
		const struct frame_info *f = frame_get(mfn);

		if (!f || f->type >= FRAME_TYPES) {
			printf("  frame %u: no info or bad type\n", mfn);
			return 0;
		}
		seen[f->type]++;
	}
	for (unsigned t = 0; t < FRAME_TYPES; t++) {
		if (frame_count((enum frame_type)t) != seen[t]) {
			printf("  count of %s is %u, recount says %u\n",
			       frame_type_name((enum frame_type)t),
			       frame_count((enum frame_type)t), seen[t]);
			ok = 0;
		}
	}
	return ok;
}

/* Allocate until FRAME_NONE; put the frames in out[], return how many. */
static unsigned alloc_all(uint32_t *out, unsigned max)
{
	unsigned n = 0;
	uint32_t mfn;

	while ((mfn = frame_alloc(FRAME_WARDEN, OWNER_WARDEN)) != FRAME_NONE) {
		if (n == max)
			break;		/* more frames than exist: caught below */
		out[n++] = mfn;
	}
	return n;
}

static int type_of(uint32_t mfn)
{
	return frame_get(mfn)->type;
}

static void test_init_all_absent(void)
{
	memset(table, 0xa5, sizeof(table));
	frame_table_init(table, N);
	CHECK_EQ(frame_total(), N);
	CHECK_EQ(frame_count(FRAME_ABSENT), N);
	for (unsigned t = 1; t < FRAME_TYPES; t++)
		CHECK_EQ(frame_count((enum frame_type)t), 0);
	for (uint32_t mfn = 0; mfn < N; mfn++) {
		CHECK_EQ(frame_get(mfn)->type, FRAME_ABSENT);
		CHECK_EQ(frame_get(mfn)->owner, OWNER_NONE);
	}
	CHECK(frame_get(N) == NULL);
	CHECK(frame_get(FRAME_NONE) == NULL);
	CHECK_EQ(table[N].next_free, 0xa5a5a5a5u);	/* nothing past n */
	CHECK_EQ(frame_alloc(FRAME_WARDEN, OWNER_WARDEN), FRAME_NONE);
	CHECK(counts_ok());
}

static void test_init_forgets_old_state(void)
{
	frame_table_init(table, N);
	frame_add_free(0, N);
	frame_alloc(FRAME_MODULE, OWNER_WARDEN);
	frame_table_init(table, 8);
	CHECK_EQ(frame_total(), 8);
	CHECK_EQ(frame_count(FRAME_ABSENT), 8);
	CHECK_EQ(frame_count(FRAME_FREE), 0);
	CHECK_EQ(frame_count(FRAME_MODULE), 0);
	CHECK_EQ(frame_alloc(FRAME_WARDEN, OWNER_WARDEN), FRAME_NONE);
	CHECK(frame_get(8) == NULL);

	frame_table_init(table, 0);
	CHECK_EQ(frame_total(), 0);
	frame_add_free(0, 4);
	CHECK_EQ(frame_alloc(FRAME_WARDEN, OWNER_WARDEN), FRAME_NONE);
	CHECK(frame_get(0) == NULL);
	CHECK(counts_ok());
}

static void test_add_free_only_absent(void)
{
	frame_table_init(table, N);
	frame_claim(5, 1, FRAME_RESERVED, OWNER_NONE);
	frame_claim(6, 1, FRAME_MODULE, OWNER_WARDEN);
	frame_add_free(0, 10);
	CHECK(counts_ok());
	CHECK_EQ(frame_count(FRAME_FREE), 8);
	CHECK_EQ(type_of(5), FRAME_RESERVED);
	CHECK_EQ(type_of(6), FRAME_MODULE);
	CHECK_EQ(frame_get(6)->owner, OWNER_WARDEN);
	CHECK_EQ(type_of(10), FRAME_ABSENT);

	uint32_t got[N];
	unsigned n = alloc_all(got, N);

	CHECK_EQ(n, 8);
	for (unsigned i = 0; i < n; i++)
		CHECK(got[i] != 5 && got[i] != 6 && got[i] < 10);
}

static void test_add_free_twice_adds_once(void)
{
	uint32_t got[N];

	frame_table_init(table, N);
	frame_add_free(0, 8);
	frame_add_free(4, 8);		/* 4..7 again, and 8..11 */
	frame_add_free(0, 8);		/* all again */
	CHECK(counts_ok());
	CHECK_EQ(frame_count(FRAME_FREE), 12);
	CHECK_EQ(alloc_all(got, N), 12);
	for (unsigned i = 0; i < 12; i++)
		for (unsigned j = 0; j < i; j++)
			CHECK(got[i] != got[j]);
	CHECK(counts_ok());
}

/* Each case: a range and the free frames it must leave in a 16-frame table. */
static const struct {
	const char *what;
	uint32_t first, count;
	uint32_t lo, hi;	/* expected free frames [lo, hi) */
} clip_cases[] = {
	{ "empty range", 3, 0, 0, 0 },
	{ "inside", 3, 4, 3, 7 },
	{ "to the last frame", 10, 6, 10, 16 },
	{ "past the end", 10, 100, 10, 16 },
	{ "starts at the end", 16, 5, 0, 0 },
	{ "starts far past the end", 1000, 5, 0, 0 },
	{ "count up to 2^32 - 1", 10, UINT32_MAX, 10, 16 },
	{ "end wraps past 2^32", 0xfffffff0u, 0x20, 0, 0 },
	{ "from 0, the whole of 2^32", 0, UINT32_MAX, 0, 16 },
};

static void test_add_free_clipped(void)
{
	for (size_t c = 0; c < sizeof(clip_cases) / sizeof(clip_cases[0]); c++) {
		frame_table_init(table, 16);
		unsigned wrong = 0;

		frame_add_free(clip_cases[c].first, clip_cases[c].count);
		for (uint32_t mfn = 0; mfn < 16; mfn++) {
			int want = mfn >= clip_cases[c].lo &&
				   mfn < clip_cases[c].hi;

			wrong += (type_of(mfn) == FRAME_FREE) != want;
		}
		if (wrong)
			printf("  %s: %u frames wrongly free or not\n",
			       clip_cases[c].what, wrong);
		CHECK_EQ(wrong, 0);
		CHECK(counts_ok());
	}
}

static void test_alloc_order_type_owner(void)
{
	/* The range added last comes out first, each from its low end. */
	static const uint32_t order[] = { 20, 21, 22, 23, 8, 9, 10, 11 };

	frame_table_init(table, N);
	frame_add_free(8, 4);
	frame_add_free(20, 4);
	for (unsigned i = 0; i < 8; i++) {
		enum frame_type type = i & 1 ? FRAME_MODULE : FRAME_BOOTINFO;
		uint32_t mfn = frame_alloc(type, (uint16_t)(100 + i));

		CHECK_EQ(mfn, order[i]);
		if (mfn >= N)
			continue;
		CHECK_EQ(frame_get(mfn)->type, type);
		CHECK_EQ(frame_get(mfn)->owner, 100 + i);
		CHECK_EQ(frame_get(mfn)->next_free, FRAME_NONE);
		CHECK(counts_ok());
		CHECK_EQ(frame_count(FRAME_FREE), 7 - i);
	}
	CHECK_EQ(frame_count(FRAME_BOOTINFO), 4);
	CHECK_EQ(frame_count(FRAME_MODULE), 4);
	CHECK_EQ(frame_count(FRAME_ABSENT), N - 8);
}

static void test_exhaustion(void)
{
	frame_table_init(table, N);
	frame_add_free(0, 3);
	for (unsigned i = 0; i < 3; i++)
		CHECK(frame_alloc(FRAME_WARDEN, OWNER_WARDEN) != FRAME_NONE);
	for (unsigned i = 0; i < 3; i++)
		CHECK_EQ(frame_alloc(FRAME_WARDEN, OWNER_WARDEN), FRAME_NONE);
	CHECK(counts_ok());
	CHECK_EQ(frame_count(FRAME_WARDEN), 3);
	CHECK_EQ(frame_count(FRAME_FREE), 0);
}

/* frame_free(mfn) must say no and leave the table and counters as they were. */
static void check_free_refused(uint32_t mfn)
{
	static struct frame_info before[N + 1];
	uint32_t counts[FRAME_TYPES];

	memcpy(before, table, sizeof(table));
	for (unsigned t = 0; t < FRAME_TYPES; t++)
		counts[t] = frame_count((enum frame_type)t);
	CHECK(!frame_free(mfn));
	CHECK(memcmp(before, table, sizeof(table)) == 0);
	for (unsigned t = 0; t < FRAME_TYPES; t++)
		CHECK_EQ(frame_count((enum frame_type)t), counts[t]);
}

static void test_free_refuses(void)
{
	frame_table_init(table, N);
	frame_add_free(4, 8);
	frame_claim(0, 2, FRAME_RESERVED, OWNER_NONE);
	check_free_refused(0);			/* reserved */
	check_free_refused(5);			/* free */
	check_free_refused(2);			/* absent */
	check_free_refused(N - 1);		/* absent, the last */
	check_free_refused(N);			/* past the end */
	check_free_refused(FRAME_NONE);

	uint32_t mfn = frame_alloc(FRAME_MODULE, OWNER_WARDEN);

	CHECK(frame_free(mfn));
	check_free_refused(mfn);		/* twice */
	CHECK(counts_ok());
}

static void test_free_in_use_types(void)
{
	static const enum frame_type types[] = {
		FRAME_WARDEN, FRAME_BOOTINFO, FRAME_MODULE,
	};

	frame_table_init(table, N);
	for (unsigned i = 0; i < 3; i++)
		frame_claim(10 + i, 1, types[i], OWNER_WARDEN);
	for (unsigned i = 0; i < 3; i++) {
		CHECK(frame_free(10 + i));
		CHECK_EQ(type_of(10 + i), FRAME_FREE);
		CHECK_EQ(frame_get(10 + i)->owner, OWNER_NONE);
		CHECK(counts_ok());
	}
	/* A claimed absent frame, once freed, is allocatable like any other. */
	CHECK_EQ(frame_alloc(FRAME_WARDEN, OWNER_WARDEN), 12);
}

static void test_freed_frame_comes_back(void)
{
	frame_table_init(table, N);
	frame_add_free(0, N);
	uint32_t a = frame_alloc(FRAME_WARDEN, OWNER_WARDEN);
	uint32_t b = frame_alloc(FRAME_WARDEN, OWNER_WARDEN);

	CHECK_EQ(a, 0);
	CHECK_EQ(b, 1);
	CHECK(frame_free(a));
	CHECK(counts_ok());
	CHECK_EQ(frame_alloc(FRAME_MODULE, OWNER_DOM), a);
	CHECK_EQ(frame_get(a)->type, FRAME_MODULE);
	CHECK_EQ(frame_get(a)->owner, OWNER_DOM);
	CHECK_EQ(frame_alloc(FRAME_WARDEN, OWNER_WARDEN), 2);
	CHECK(counts_ok());
}

static void test_claim_unlinks(void)
{
	uint32_t got[N];
	unsigned n;

	frame_table_init(table, N);
	frame_add_free(0, 16);
	frame_claim(0, 1, FRAME_WARDEN, OWNER_WARDEN);	/* head of the list */
	frame_claim(5, 3, FRAME_MODULE, OWNER_DOM);	/* the middle */
	frame_claim(15, 1, FRAME_BOOTINFO, OWNER_WARDEN);	/* the tail */
	CHECK(counts_ok());
	CHECK_EQ(frame_count(FRAME_FREE), 11);
	for (uint32_t mfn = 5; mfn < 8; mfn++) {
		CHECK_EQ(type_of(mfn), FRAME_MODULE);
		CHECK_EQ(frame_get(mfn)->owner, OWNER_DOM);
		CHECK_EQ(frame_get(mfn)->next_free, FRAME_NONE);
	}
	n = alloc_all(got, N);
	CHECK_EQ(n, 11);
	for (unsigned i = 0; i < n; i++) {
		CHECK(got[i] != 0 && got[i] != 15);
		CHECK(got[i] < 5 || got[i] > 7);
		for (unsigned j = 0; j < i; j++)
			CHECK(got[i] != got[j]);
	}
	CHECK_EQ(type_of(6), FRAME_MODULE);	/* allocating did not retype it */
	CHECK(counts_ok());
}

static void test_claim_clipped(void)
{
	static struct frame_info before[N + 1];

	frame_table_init(table, 16);
	frame_add_free(0, 16);
	frame_claim(14, 100, FRAME_WARDEN, OWNER_WARDEN);
	CHECK_EQ(type_of(13), FRAME_FREE);
	CHECK_EQ(type_of(14), FRAME_WARDEN);
	CHECK_EQ(type_of(15), FRAME_WARDEN);
	CHECK_EQ(frame_count(FRAME_WARDEN), 2);
	CHECK(counts_ok());

	memcpy(before, table, sizeof(table));
	frame_claim(16, 5, FRAME_MODULE, OWNER_WARDEN);
	frame_claim(0xfffffff0u, 0x20, FRAME_MODULE, OWNER_WARDEN);
	frame_claim(3, 0, FRAME_MODULE, OWNER_WARDEN);
	CHECK(memcmp(before, table, sizeof(table)) == 0);
	CHECK_EQ(frame_count(FRAME_MODULE), 0);

	frame_claim(12, UINT32_MAX, FRAME_MODULE, OWNER_DOM);
	CHECK_EQ(frame_count(FRAME_MODULE), 4);
	CHECK_EQ(type_of(11), FRAME_FREE);
	CHECK(counts_ok());
}

static void test_type_names(void)
{
	CHECK_STR(frame_type_name(FRAME_ABSENT), "absent");
	CHECK_STR(frame_type_name(FRAME_FREE), "free");
	CHECK_STR(frame_type_name(FRAME_MODULE), "module");
	CHECK_STR(frame_type_name(FRAME_TYPES), "?");
}

/*
 * The random run: a model array holds each frame's type and owner as this
 * test expects them, and every operation is applied to both.
 */
#define RN 200
#define ROPS 5000

static struct frame_info rtable[RN];
static uint8_t model_type[RN];
static uint16_t model_owner[RN];
static uint32_t rng = 12345;

static uint32_t rnd(uint32_t n)
{
	rng = rng * 1103515245u + 12345u;
	return (rng >> 8) % n;
}

static int in_use(uint8_t type)
{
	return type != FRAME_FREE && type != FRAME_ABSENT &&
	       type != FRAME_RESERVED;
}

static void model_set(uint32_t mfn, uint8_t type, uint16_t owner)
{
	model_type[mfn] = type;
	model_owner[mfn] = owner;
}

static int model_has_free(void)
{
	for (uint32_t i = 0; i < RN; i++)
		if (model_type[i] == FRAME_FREE)
			return 1;
	return 0;
}

static void random_alloc(void)
{
	uint8_t type = (uint8_t)(FRAME_WARDEN + rnd(3));
	uint16_t owner = (uint16_t)rnd(4);
	uint32_t mfn = frame_alloc((enum frame_type)type, owner);

	if (mfn == FRAME_NONE) {
		CHECK(!model_has_free());
		return;
	}
	CHECK(mfn < RN);
	if (mfn >= RN)
		return;
	CHECK_EQ(model_type[mfn], FRAME_FREE);	/* never one in use */
	model_set(mfn, type, owner);
}

static void random_free(void)
{
	uint32_t mfn = rnd(RN + 2);		/* sometimes past the end */
	int want = mfn < RN && in_use(model_type[mfn]);

	CHECK_EQ(frame_free(mfn), want);
	if (want)
		model_set(mfn, FRAME_FREE, OWNER_NONE);
}

static void random_claim(void)
{
	uint32_t first = rnd(RN + 4), count = rnd(6);
	uint8_t type = rnd(4) ? (uint8_t)(FRAME_WARDEN + rnd(3)) :
				(uint8_t)FRAME_RESERVED;
	uint16_t owner = (uint16_t)rnd(4);

	frame_claim(first, count, (enum frame_type)type, owner);
	for (uint32_t mfn = first; mfn < first + count && mfn < RN; mfn++)
		model_set(mfn, type, owner);
}

static void random_add_free(void)
{
	uint32_t first = rnd(RN + 4), count = rnd(8);

	frame_add_free(first, count);
	for (uint32_t mfn = first; mfn < first + count && mfn < RN; mfn++)
		if (model_type[mfn] == FRAME_ABSENT)
			model_set(mfn, FRAME_FREE, OWNER_NONE);
}

static int model_matches(void)
{
	for (uint32_t mfn = 0; mfn < RN; mfn++) {
		const struct frame_info *f = frame_get(mfn);

		if (f->type != model_type[mfn] ||
		    (f->type != FRAME_ABSENT && f->owner != model_owner[mfn])) {
			printf("  frame %u: %s/%u, model says %s/%u\n", mfn,
			       frame_type_name((enum frame_type)f->type),
			       f->owner,
			       frame_type_name((enum frame_type)model_type[mfn]),
			       model_owner[mfn]);
			return 0;
		}
	}
	return 1;
}

static void test_random_against_model(void)
{
	int bad = 0;

	frame_table_init(rtable, RN);
	for (uint32_t i = 0; i < RN; i++)
		model_set(i, FRAME_ABSENT, OWNER_NONE);
	/* RAM with holes, as a real memory map has. */
	frame_add_free(0, 60);
	frame_add_free(80, 100);
	for (uint32_t i = 0; i < RN; i++)
		if (i < 60 || (i >= 80 && i < 180))
			model_set(i, FRAME_FREE, OWNER_NONE);

	for (unsigned op = 0; op < ROPS && !bad; op++) {
		uint32_t r = rnd(100);

		if (r < 50)
			random_alloc();
		else if (r < 90)
			random_free();
		else if (r < 97)
			random_claim();
		else
			random_add_free();
		if (!counts_ok() || !model_matches()) {
			printf("  after operation %u\n", op);
			bad = 1;
		}
	}
	CHECK(!bad);
	/* Drain: exactly the model's free frames come out, each once. */
	for (uint32_t mfn; (mfn = frame_alloc(FRAME_WARDEN, 1)) != FRAME_NONE;) {
		CHECK(mfn < RN);
		if (mfn >= RN)
			break;
		CHECK_EQ(model_type[mfn], FRAME_FREE);
		model_set(mfn, FRAME_WARDEN, 1);
	}
	CHECK(!model_has_free());
	CHECK(counts_ok());
}

int main(void)
{
	UNIT_CASE(test_init_all_absent);
	UNIT_CASE(test_init_forgets_old_state);
	UNIT_CASE(test_add_free_only_absent);
	UNIT_CASE(test_add_free_twice_adds_once);
	UNIT_CASE(test_add_free_clipped);
	UNIT_CASE(test_alloc_order_type_owner);
	UNIT_CASE(test_exhaustion);
	UNIT_CASE(test_free_refuses);
	UNIT_CASE(test_free_in_use_types);
	UNIT_CASE(test_freed_frame_comes_back);
	UNIT_CASE(test_claim_unlinks);
	UNIT_CASE(test_claim_clipped);
	UNIT_CASE(test_type_names);
	UNIT_CASE(test_random_against_model);
	return unit_finish();
}
