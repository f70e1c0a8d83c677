/*
 * test_guest_walk.c - the software walk of a guest's PAE tables,
 * shadow/guest_walk.c.
 *
 * Shows, in tables that read like the rules: a not-present entry at each
 * level gives the access bits without P (even under an entry whose rights
 * would also forbid the access, since a CPU checks rights only once the
 * translation is complete); every combination of RW, US and NX in L2 and L1
 * against reads, writes, user accesses and fetches, with supervisor writes
 * obeying RW (CR0.WP=1) and supervisor reads and fetches allowed on user
 * pages (no SMAP, no SMEP); every flag of a present L3 entry ignored; 2 MiB
 * pages with their rights, the right 4 KiB frame inside them, PAT allowed,
 * bits 20:13 giving RSVD|P, and a page not wholly the guest's being bad;
 * reserved bits 36..62 in L2 and L1 giving RSVD|P before rights and before
 * the frame is looked at; a frame past nr_pfns, or refused by map(), being
 * bad at each level and for cr3 (also a 40-bit L3 frame that truncates to
 * a good one); a PDPT in the last 32 bytes of a frame, cr3's low bits
 * ignored; va 0, 0xffffffff and both sides of each 1 GiB boundary.  Every
 * walk maps only the table frames it reads and unmaps each of them (the
 * fake memory counts), and its return value agrees with error_code and bad.
 *
 * Then an oracle: tens of thousands of walks over random small trees in
 * the fake memory, compared field by field with a reference walk written
 * here from the Intel SDM (vol. 3, 4.4 and 4.7) as a loop over the levels;
 * and random entries placed on a valid path, where the walk refuses an
 * entry (bad or RSVD) exactly when pte_check does.
 *
 * Cannot show: that the rules match a real CPU (the reference is our
 * reading of the SDM, not silicon); anything about Warden's real guest
 * memory behind map/unmap; nor tables that change during a walk (the fake
 * memory is still while the walk runs).
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arch/x86_32/pae.h"
#include "shadow/guest_walk.h"
#include "shadow/pte_check.h"
#include "tests/unit/unit.h"

/* --- fake guest memory ------------------------------------------------- */

#define MEM_FRAMES	0x410	/* frames the fake memory holds */
#define NR		0x400	/* the guest's frames in most walks: frames
				   0x400..0x40f exist but are not the guest's */
#define HOLE		0x3fe	/* a guest frame that map() refuses */
#define MAX_MAPPED	8

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

static struct fake_mem {
	uint8_t *frame[MEM_FRAMES];	/* allocated one by one, so ASan
					   catches a read past a frame */
	bool dirty[MEM_FRAMES];
	const void *mapped[MAX_MAPPED];	/* mapped and not yet unmapped */
	int nmapped, maps, bad_unmaps;
} fake;

static const void *fake_map(void *ctx, uint32_t pfn)
{
	struct fake_mem *f = ctx;

	f->maps++;
	if (pfn >= MEM_FRAMES || pfn == HOLE || f->nmapped == MAX_MAPPED)
		return NULL;
	f->mapped[f->nmapped++] = f->frame[pfn];
	return f->frame[pfn];
}

static void fake_unmap(void *ctx, const void *page)
{
	struct fake_mem *f = ctx;

	for (int i = 0; i < f->nmapped; i++) {
		if (f->mapped[i] == page) {
			f->mapped[i] = f->mapped[--f->nmapped];
			return;
		}
	}
	f->bad_unmaps++;
}

static const struct guest_mem mem = { &fake, fake_map, fake_unmap };

static void put(uint32_t pfn, unsigned index, uint64_t e)
{
	memcpy(fake.frame[pfn] + index * 8, &e, 8);
	fake.dirty[pfn] = true;
}

static uint64_t get(uint64_t byte_address)
{
	uint64_t e;

	memcpy(&e, fake.frame[byte_address >> 12] + (byte_address & 0xfff), 8);
	return e;
}

static void mem_clear(void)
{
	for (int i = 0; i < MEM_FRAMES; i++)
		if (fake.dirty[i])
			memset(fake.frame[i], 0, 4096);
	memset(fake.dirty, 0, sizeof(fake.dirty));
}

/* One walk, checked for what every walk must do. */
static bool walk(uint32_t nr_pfns, uint32_t cr3, uint32_t va,
		 uint32_t access, struct guest_walk *w)
{
	bool ok;

	fake.maps = fake.bad_unmaps = 0;
	ok = guest_walk(&mem, nr_pfns, cr3, va, access, w);
	CHECK_EQ(fake.nmapped, 0);	/* every map unmapped */
	CHECK_EQ(fake.bad_unmaps, 0);
	CHECK(fake.maps <= 3);
	CHECK(!ok || (!w->error_code && !w->bad));
	CHECK(!w->bad || !w->error_code);
	fake.nmapped = 0;	/* one leak is reported once, not every walk */
	return ok;
}

/* --- the table-driven cases -------------------------------------------- */

#define P	PTE_P
#define RW	PTE_RW
#define US	PTE_US
#define PS	PTE_PS
#define NX	PTE_NX
#define FULL	(PTE_RW | PTE_US)

#define W	GW_WRITE
#define U	GW_USER
#define F	GW_FETCH

/* The standard path: PDPT in frame 1, L2 in 2, L1 in 3, the page is 4. */
#define CR3	0x1000
#define VA	0x40a07123u	/* L3 entry 1, L2 entry 5, L1 entry 7 */
#define L3	(0x2000 | P)
#define L2	(0x3000 | P)
#define L1	(0x4000 | P)
#define LARGE	(0x200000 | P | PS)	/* frames 0x200..0x3ff */
#define NO	GW_NO_PFN

enum outcome { OK, FAULT, BAD };

#define CAN_W	1	/* expected rights */
#define CAN_U	2
#define CAN_X	4

struct walk_case {
	const char *what;
	uint64_t l3e, l2e, l1e;		/* put on the standard path */
	uint32_t access;
	enum outcome outcome;
	uint32_t error_code;
	uint32_t pfn;
	unsigned rights;
};

static unsigned rights_of(const struct guest_walk *w)
{
	return (w->writable ? CAN_W : 0) | (w->user ? CAN_U : 0) |
	       (w->executable ? CAN_X : 0);
}

static void run_case(const struct walk_case *c, uint32_t nr_pfns)
{
	struct guest_walk w;
	int before = unit_case_failures;
	bool ok;

	mem_clear();
	put(1, 1, c->l3e);
	put(2, 5, c->l2e);
	put(3, 7, c->l1e);
	ok = walk(nr_pfns, CR3, VA, c->access, &w);
	CHECK_EQ(ok, c->outcome == OK);
	CHECK_EQ(w.bad != NULL, c->outcome == BAD);
	CHECK_EQ(w.error_code, c->error_code);
	CHECK_EQ(w.pfn, c->pfn);
	CHECK_EQ(rights_of(&w), c->rights);
	if (unit_case_failures != before)
		printf("  (in \"%s\"; bad: %s)\n", c->what,
		       w.bad ? w.bad : "(null)");
}

#define RUN(cases, nr_pfns)						\
	do {								\
		for (size_t i_ = 0; i_ < ARRAY_SIZE(cases); i_++)	\
			run_case(&(cases)[i_], nr_pfns);		\
	} while (0)

static void test_not_present(void)
{
	static const struct walk_case cases[] = {
		{ "L3, user write", 0, L2 | FULL, L1 | FULL, U | W,
		  FAULT, PF_U | PF_W, NO, 0 },
		{ "L3, supervisor read: error code 0", 0, L2, L1, 0,
		  FAULT, 0, NO, 0 },
		{ "L3 with every other bit set, fetch", ~P, L2, L1, F,
		  FAULT, PF_ID, NO, 0 },
		{ "L2, supervisor write", L3, 0, L1 | FULL, W,
		  FAULT, PF_W, NO, 0 },
		{ "L2 with reserved bits: still no RSVD", L3, ~P, L1, U,
		  FAULT, PF_U, NO, 0 },
		{ "L1, user fetch", L3, L2 | FULL, 0, U | F,
		  FAULT, PF_U | PF_ID, NO, 0 },
		{ "L1 under a supervisor-only L2: no P", L3, L2 | RW, 0, U,
		  FAULT, PF_U, NO, 0 },
		{ "L1 with reserved bits: still no RSVD", L3, L2, ~P & ~NX, 0,
		  FAULT, 0, NO, 0 },
	};
	RUN(cases, NR);
}

static void test_rights(void)
{
	static const struct walk_case cases[] = {
		{ "supervisor read, no RW or US", L3, L2, L1, 0,
		  OK, 0, 4, CAN_X },
		{ "supervisor write, L1 read-only (WP=1)", L3, L2 | RW, L1, W,
		  FAULT, PF_P | PF_W, 4, CAN_X },
		{ "supervisor write, L2 read-only", L3, L2, L1 | RW, W,
		  FAULT, PF_P | PF_W, 4, CAN_X },
		{ "supervisor write, both RW", L3, L2 | RW, L1 | RW, W,
		  OK, 0, 4, CAN_W | CAN_X },
		{ "user read, L1 supervisor", L3, L2 | US, L1, U,
		  FAULT, PF_P | PF_U, 4, CAN_X },
		{ "user read, L2 supervisor", L3, L2, L1 | US, U,
		  FAULT, PF_P | PF_U, 4, CAN_X },
		{ "user read, both US", L3, L2 | US, L1 | US, U,
		  OK, 0, 4, CAN_U | CAN_X },
		{ "user write, L2 read-only", L3, L2 | US, L1 | FULL, U | W,
		  FAULT, PF_P | PF_U | PF_W, 4, CAN_U | CAN_X },
		{ "user write, all rights", L3, L2 | FULL, L1 | FULL, U | W,
		  OK, 0, 4, CAN_W | CAN_U | CAN_X },
		{ "supervisor read of a user page (no SMAP)", L3, L2 | US,
		  L1 | US, 0, OK, 0, 4, CAN_U | CAN_X },
		{ "supervisor fetch from a user page (no SMEP)", L3, L2 | US,
		  L1 | US, F, OK, 0, 4, CAN_U | CAN_X },
		{ "fetch, NX in L1", L3, L2 | FULL, L1 | FULL | NX, F,
		  FAULT, PF_P | PF_ID, 4, CAN_W | CAN_U },
		{ "fetch, NX in L2", L3, L2 | FULL | NX, L1 | FULL, F,
		  FAULT, PF_P | PF_ID, 4, CAN_W | CAN_U },
		{ "user fetch, NX in L1", L3, L2 | FULL, L1 | FULL | NX, U | F,
		  FAULT, PF_P | PF_U | PF_ID, 4, CAN_W | CAN_U },
		{ "user write to an NX page", L3, L2 | FULL | NX, L1 | FULL,
		  U | W, OK, 0, 4, CAN_W | CAN_U },
		{ "L3 without RW or US, user write", L3, L2 | FULL, L1 | FULL,
		  U | W, OK, 0, 4, CAN_W | CAN_U | CAN_X },
		{ "L3 with NX, user fetch", L3 | NX, L2 | FULL, L1 | FULL,
		  U | F, OK, 0, 4, CAN_W | CAN_U | CAN_X },
		{ "L3 with Xen's RW|US|A|D and bits 52..62", L3 | 0x66 |
		  0x7ff0000000000000ull, L2 | FULL, L1 | FULL, U | W,
		  OK, 0, 4, CAN_W | CAN_U | CAN_X },
		{ "access bits other than W, U, I/D ignored", L3, L2, L1,
		  ~(uint32_t)(W | U | F), OK, 0, 4, CAN_X },
		{ "... and left out of the error code", L3, L2, L1,
		  ~(uint32_t)F, FAULT, PF_P | PF_W | PF_U, 4, CAN_X },
	};
	RUN(cases, NR);
}

static void test_reserved(void)
{
	static const struct walk_case cases[] = {
		{ "L2 bit 36", L3, L2 | FULL | (1ull << 36), L1 | FULL, 0,
		  FAULT, PF_P | PF_RSVD, NO, 0 },
		{ "L2 bit 51, user write", L3, L2 | FULL | (1ull << 51),
		  L1 | FULL, U | W,
		  FAULT, PF_P | PF_RSVD | PF_U | PF_W, NO, 0 },
		{ "L2 bit 52, fetch", L3, L2 | FULL | (1ull << 52), L1 | FULL,
		  F, FAULT, PF_P | PF_RSVD | PF_ID, NO, 0 },
		{ "L2 bit 62", L3, L2 | FULL | (1ull << 62), L1 | FULL, 0,
		  FAULT, PF_P | PF_RSVD, NO, 0 },
		{ "L2 reserved before rights", L3, L2 | (1ull << 40), L1, U | W,
		  FAULT, PF_P | PF_RSVD | PF_U | PF_W, NO, 0 },
		{ "L1 bit 36", L3, L2 | FULL, L1 | FULL | (1ull << 36), 0,
		  FAULT, PF_P | PF_RSVD, NO, 0 },
		{ "L1 bit 47, user read", L3, L2 | FULL,
		  L1 | FULL | (1ull << 47), U, FAULT, PF_P | PF_RSVD | PF_U,
		  NO, 0 },
		{ "L1 bit 62 with NX", L3, L2 | FULL,
		  L1 | FULL | NX | (1ull << 62), 0, FAULT, PF_P | PF_RSVD,
		  NO, 0 },
		{ "L1 reserved before rights", L3, L2, L1 | (1ull << 55),
		  U | W, FAULT, PF_P | PF_RSVD | PF_U | PF_W, NO, 0 },
		{ "L1 reserved before the frame", L3, L2 | FULL,
		  (1ull << 40) | ((uint64_t)NR << 12) | P, 0,
		  FAULT, PF_P | PF_RSVD, NO, 0 },
		{ "L1 reserved but never read", L3, 0, L1 | (1ull << 40), 0,
		  FAULT, 0, NO, 0 },
		{ "L3 bits 52..63 ignored", L3 | 0xfff0000000000000ull,
		  L2 | FULL, L1 | FULL, U | W, OK, 0, 4,
		  CAN_W | CAN_U | CAN_X },
	};
	RUN(cases, NR);
}

static void test_beyond(void)
{
	static const struct walk_case cases[] = {
		{ "L3 names frame NR", ((uint64_t)NR << 12) | P, L2, L1, 0,
		  BAD, 0, NO, 0 },
		{ "L3 names a frame held but not the guest's",
		  ((uint64_t)(MEM_FRAMES - 1) << 12) | P, L2, L1, 0,
		  BAD, 0, NO, 0 },
		{ "L3 names frame 0x100000002, not frame 2",
		  0x100000002000ull | P, L2, L1, 0, BAD, 0, NO, 0 },
		{ "L3 names a frame map() refuses", (HOLE << 12) | P, L2, L1,
		  0, BAD, 0, NO, 0 },
		{ "L2 names frame NR", L3, ((uint64_t)NR << 12) | P | FULL,
		  L1, 0, BAD, 0, NO, 0 },
		{ "L2 names a frame map() refuses", L3, (HOLE << 12) | P, L1,
		  0, BAD, 0, NO, 0 },
		{ "L1 names frame NR", L3, L2 | FULL,
		  ((uint64_t)NR << 12) | P | FULL, 0, BAD, 0, NO, 0 },
		{ "L1 names the guest's last frame", L3, L2 | FULL,
		  ((uint64_t)(NR - 1) << 12) | P | FULL, 0,
		  OK, 0, NR - 1, CAN_W | CAN_U | CAN_X },
		{ "L1 names a page map() refuses: pages are not mapped", L3,
		  L2 | FULL, (HOLE << 12) | P | FULL, 0,
		  OK, 0, HOLE, CAN_W | CAN_U | CAN_X },
		{ "L1 bad before rights", L3, L2,
		  ((uint64_t)NR << 12) | P, U | W, BAD, 0, NO, 0 },
	};
	RUN(cases, NR);
}

/* With 0x500 frames: frames 0x200..0x3ff are the guest's, 0x400.. not all. */
static void test_large(void)
{
	static const struct walk_case cases[] = {
		{ "read", L3, LARGE, 0, 0, OK, 0, 0x207, CAN_X },
		{ "user write, RW|US", L3, LARGE | FULL, 0, U | W,
		  OK, 0, 0x207, CAN_W | CAN_U | CAN_X },
		{ "supervisor write, read-only", L3, LARGE | US, 0, W,
		  FAULT, PF_P | PF_W, 0x207, CAN_U | CAN_X },
		{ "user read, supervisor", L3, LARGE | RW, 0, U,
		  FAULT, PF_P | PF_U, 0x207, CAN_W | CAN_X },
		{ "fetch, NX", L3, LARGE | FULL | NX, 0, F,
		  FAULT, PF_P | PF_ID, 0x207, CAN_W | CAN_U },
		{ "PAT (bit 12) allowed", L3, LARGE | 0x1000, 0, 0,
		  OK, 0, 0x207, CAN_X },
		{ "bit 13", L3, LARGE | 0x2000, 0, W,
		  FAULT, PF_P | PF_RSVD | PF_W, NO, 0 },
		{ "bit 20", L3, LARGE | 0x100000, 0, 0,
		  FAULT, PF_P | PF_RSVD, NO, 0 },
		{ "bit 36, user read", L3, LARGE | (1ull << 36), 0, U,
		  FAULT, PF_P | PF_RSVD | PF_U, NO, 0 },
		{ "running past the guest's frames", L3, 0x400000 | P | PS, 0,
		  0, BAD, 0, NO, 0 },
		{ "wholly past the guest's frames", L3, 0x600000 | P | PS, 0,
		  0, BAD, 0, NO, 0 },
	};
	RUN(cases, 0x500);
}

/* Each 4 KiB of a 2 MiB page is its own frame; L1 is never read. */
static void test_large_offsets(void)
{
	static const uint32_t offsets[] = { 0, 1, 255, 511 };
	struct guest_walk w;

	mem_clear();
	put(1, 1, L3);
	put(2, 5, LARGE | FULL);
	for (size_t i = 0; i < ARRAY_SIZE(offsets); i++) {
		uint32_t va = 0x40a00000u + offsets[i] * 4096 + 0xfff;

		CHECK(walk(0x500, CR3, va, U | W, &w));
		CHECK_EQ(w.pfn, 0x200 + offsets[i]);
		CHECK(w.large);
		CHECK_EQ(w.l1e, 0);
		CHECK_EQ(w.l1_pfn, NO);
		CHECK_EQ(w.l2_pfn, 2);
		CHECK_EQ(w.l2e, LARGE | FULL);
	}
}

/* The PDPT in the last 32 bytes of frame 5; cr3's bits 4:0 are ignored. */
static void test_cr3(void)
{
	static const uint32_t cr3s[] = { 0x5fe0, 0x5fff, 0x5fe7 };
	struct guest_walk w;

	mem_clear();
	put(5, 511, L3);		/* PDPT entry 3 */
	put(2, 5, L2 | FULL);
	put(3, 7, L1 | FULL);
	for (size_t i = 0; i < ARRAY_SIZE(cr3s); i++) {
		CHECK(walk(NR, cr3s[i], 0xc0a07123u, U | W, &w));
		CHECK_EQ(w.pfn, 4);
		CHECK_EQ(w.l3e, L3);
	}
	CHECK(!walk(NR, 0x5fe0, 0x00a07123u, 0, &w));	/* entry 508: 0 */
	CHECK(!w.bad);
	CHECK_EQ(w.error_code, 0);
	CHECK(!walk(NR, NR << 12, 0, 0, &w) && w.bad);
	CHECK(!walk(NR, HOLE << 12, 0, 0, &w) && w.bad);
	CHECK(!walk(NR, 0xffffffe0, 0, 0, &w) && w.bad);
	CHECK(!walk(0, 0x5fe0, 0xc0a07123u, 0, &w) && w.bad);
	CHECK_EQ(w.l3e, 0);
}

/* Exact text for the crash line, and what the walk got to before. */
static void test_bad_reasons(void)
{
	struct guest_walk w;

	mem_clear();
	put(1, 1, L3);
	put(2, 5, ((uint64_t)NR << 12) | P);
	CHECK(!walk(NR, CR3, VA, 0, &w));
	CHECK_STR(w.bad, "L2 entry 5 names an L1 table at frame 0x400, past "
		  "the end of the guest's 0x400 frames");
	CHECK_EQ(w.l2_pfn, 2);
	CHECK_EQ(w.l1_pfn, NO);
	CHECK_EQ(w.l1e, 0);
	CHECK(!walk(NR, NR << 12, VA, 0, &w));
	CHECK_STR(w.bad, "cr3 0x400000 is in frame 0x400, which is not one of "
		  "the guest's 0x400 frames");
	put(1, 1, (HOLE << 12) | P);
	CHECK(!walk(NR, CR3, VA, 0, &w));
	CHECK_STR(w.bad, "L3 entry 1 names frame 0x3fe, which is not the "
		  "guest's");
	put(1, 1, L3);
	put(2, 5, 0x400000 | P | PS);
	CHECK(!walk(0x500, CR3, VA, 0, &w));
	CHECK_STR(w.bad, "L2 entry 5 names a 2 MiB page at frame 0x400, past "
		  "the end of the guest's 0x500 frames");
}

/*
 * Around every 1 GiB boundary: PDPT in frame 8, the L2 table of GiB i in
 * frame 9+i, its entries 0 and 511 name L1 tables 13+2i and 14+2i, and
 * their entries 0 and 511 name pages 21+4i+2j+k, all different.
 */
static void build_edges(void)
{
	mem_clear();
	for (uint32_t i = 0; i < 4; i++) {
		put(8, i, ((9 + i) << 12) | P);
		for (uint32_t j = 0; j < 2; j++) {
			uint32_t l1 = 13 + 2 * i + j, page = 21 + 4 * i + 2 * j;

			put(9 + i, j * 511, (l1 << 12) | P | FULL);
			put(l1, 0, (page << 12) | P | FULL);
			put(l1, 511, ((page + 1) << 12) | P | FULL);
		}
	}
}

static void test_va_edges(void)
{
	static const uint32_t vas[] = {
		0, 0x3fffffff, 0x40000000, 0x7fffffff,
		0x80000000, 0xbfffffff, 0xc0000000, 0xffffffff,
	};
	struct guest_walk w;

	build_edges();
	for (size_t n = 0; n < ARRAY_SIZE(vas); n++) {
		uint32_t i = vas[n] >> 30, j = vas[n] & (1u << 29) ? 1 : 0;
		uint32_t k = vas[n] & (1u << 20) ? 1 : 0;

		CHECK(walk(NR, 0x8000, vas[n], U | W, &w));
		CHECK_EQ(w.l2_pfn, 9 + i);
		CHECK_EQ(w.l1_pfn, 13 + 2 * i + j);
		CHECK_EQ(w.pfn, 21 + 4 * i + 2 * j + k);
	}
}

static const uint32_t accesses[] = { 0, W, U, U | W, F, U | F };

/* One L2/L1 pair against every kind of access, by the rule as stated. */
static void check_pair(uint64_t l2e, uint64_t l1e)
{
	bool wr = (l2e & RW) && (l1e & RW);
	bool us = (l2e & US) && (l1e & US);
	bool ex = !(l2e & NX) && !(l1e & NX);
	struct guest_walk w;

	mem_clear();
	put(1, 1, L3);
	put(2, 5, l2e);
	put(3, 7, l1e);
	for (size_t n = 0; n < ARRAY_SIZE(accesses); n++) {
		uint32_t acc = accesses[n];
		bool allowed = (!(acc & W) || wr) && (!(acc & U) || us) &&
			       (!(acc & F) || ex);

		CHECK_EQ(walk(NR, CR3, VA, acc, &w), allowed);
		CHECK_EQ(w.error_code, allowed ? 0 : PF_P | acc);
		CHECK_EQ(w.writable, wr);
		CHECK_EQ(w.user, us);
		CHECK_EQ(w.executable, ex);
	}
}

/* Every combination of RW, US and NX in L2 and in L1. */
static void test_rights_all(void)
{
	static const uint64_t flag[] = { RW, US, NX };

	for (unsigned a = 0; a < 8; a++) {
		for (unsigned b = 0; b < 8; b++) {
			uint64_t l2e = L2, l1e = L1;

			for (unsigned f = 0; f < 3; f++) {
				l2e |= a & (1u << f) ? flag[f] : 0;
				l1e |= b & (1u << f) ? flag[f] : 0;
			}
			check_pair(l2e, l1e);
		}
	}
}

/* --- the oracle: a reference walk from the SDM, on random trees --------- */

static uint64_t rng_state = 0x9e3779b97f4a7c15ull;

static uint64_t rnd(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state;
}

static bool bit(uint64_t e, unsigned n)
{
	return (e >> n) & 1;
}

static uint64_t bits(uint64_t e, unsigned hi, unsigned lo)
{
	return (e >> lo) & ((2ull << (hi - lo)) - 1);
}

struct ref {
	enum outcome outcome;
	uint32_t error_code, pfn, l2_pfn, l1_pfn;
	uint64_t e[4];			/* e[3], e[2], e[1]: L3, L2, L1 */
	bool large, rw, us, xd;
	bool reached;			/* a page, even if the access is not */
};

/* A table frame can be read if it is the guest's and map() gives it. */
static bool readable(uint64_t pfn, uint32_t nr_pfns)
{
	return pfn < nr_pfns && pfn < MEM_FRAMES && pfn != HOLE;
}

/* SDM 4.4.2: bits 62:MAXPHYADDR, and 20:13 of a PDE mapping 2 MiB. */
static bool reserved(uint64_t e, int level)
{
	if (level == 3)
		return false;	/* Warden: PDPTE flags are ignored */
	return bits(e, 62, 36) || (level == 2 && bit(e, 7) && bits(e, 20, 13));
}

/* SDM 4.6 with CR0.WP=1, no SMEP/SMAP; the page is reached. */
static void ref_rights(struct ref *r, uint32_t access)
{
	bool denied = ((access & W) && !r->rw) || ((access & U) && !r->us) ||
		      ((access & F) && r->xd);

	r->outcome = denied ? FAULT : OK;
	r->error_code = denied ? PF_P | access : 0;
}

/* The page that the leaf entry at level maps; false if it is not all ours. */
static bool ref_leaf(struct ref *r, int level, uint32_t va, uint32_t nr_pfns)
{
	uint64_t e = r->e[level];
	uint64_t first = level == 2 ? bits(e, 35, 21) << 9 : bits(e, 35, 12);
	uint64_t last = level == 2 ? first + 511 : first;

	if (last >= nr_pfns)
		return false;
	r->pfn = (uint32_t)(level == 2 ? first + bits(va, 20, 12) : first);
	return true;
}

/* Which entry of its table va selects at level (SDM 4.4.1). */
static uint64_t va_index(uint32_t va, int level)
{
	if (level == 3)
		return bits(va, 31, 30);
	return level == 2 ? bits(va, 29, 21) : bits(va, 20, 12);
}

static void ref_walk(struct ref *r, uint32_t nr_pfns, uint32_t cr3,
		     uint32_t va, uint32_t access)
{
	uint64_t table = cr3 & ~31u;	/* PAE: CR3 bits 31:5 */
	int level;

	*r = (struct ref){ .outcome = FAULT, .pfn = NO, .l2_pfn = NO,
			   .l1_pfn = NO, .rw = true, .us = true };
	for (level = 3; level >= 1; level--) {
		if (!readable(table >> 12, nr_pfns)) {
			r->outcome = BAD;
			return;
		}
		if (level < 3)
			*(level == 2 ? &r->l2_pfn : &r->l1_pfn) =
				(uint32_t)(table >> 12);
		uint64_t e = r->e[level] = get(table + 8 * va_index(va, level));

		if (!bit(e, 0)) {
			r->error_code = access;
			return;
		}
		r->large = level == 2 && bit(e, 7);
		if (reserved(e, level)) {
			r->error_code = PF_P | PF_RSVD | access;
			return;
		}
		if (level < 3) {
			r->rw = r->rw && bit(e, 1);
			r->us = r->us && bit(e, 2);
			r->xd = r->xd || bit(e, 63);
		}
		if (level == 1 || r->large)
			break;
		table = bits(e, 51, 12) << 12;
	}
	r->reached = ref_leaf(r, r->large ? 2 : 1, va, nr_pfns);
	if (r->reached)
		ref_rights(r, access);
	else
		r->outcome = BAD;
}

/* A frame number: mostly the table frames 0..7, sometimes odd ones. */
static uint64_t random_frame(uint32_t nr_pfns)
{
	switch (rnd() % 16) {
	case 0: return nr_pfns - 1 + rnd() % 3;
	case 1: return HOLE;
	case 2: return rnd() % MEM_FRAMES;
	default: return rnd() % 8;
	}
}

/* An entry: present 7 times in 8, sometimes 2 MiB-shaped or reserved. */
static uint64_t random_entry(uint32_t nr_pfns)
{
	uint64_t e = (random_frame(nr_pfns) << 12) | (rnd() & 0xfff);

	if (rnd() % 4 == 0) {	/* a 2 MiB page, maybe with a bit of 20:12 */
		e = (rnd() % 3) << 21 | PS | (rnd() & 0x7f);
		if (rnd() % 4 == 0)
			e |= 1ull << (12 + rnd() % 9);
	}
	e = rnd() % 8 ? e | P : e & ~P;
	if (rnd() % 4 == 0)
		e |= NX;
	if (rnd() % 8 == 0)
		e |= 1ull << (36 + rnd() % 27);
	return e;
}

static void random_tree(uint32_t nr_pfns)
{
	mem_clear();
	for (uint32_t pfn = 0; pfn < 8; pfn++)
		for (unsigned i = 0; i < 512; i++)
			put(pfn, i, random_entry(nr_pfns));
}

/* Whether a walk agrees with the reference in every field. */
static bool same(const struct guest_walk *w, bool ok, const struct ref *r)
{
	enum outcome o = ok ? OK : w->bad ? BAD : FAULT;
	bool reached = r->reached;

	return o == r->outcome && w->error_code == r->error_code &&
	       w->pfn == r->pfn && w->l2_pfn == r->l2_pfn &&
	       w->l1_pfn == r->l1_pfn && w->l3e == r->e[3] &&
	       w->l2e == r->e[2] && w->l1e == r->e[1] &&
	       w->large == r->large &&
	       w->writable == (reached && r->rw) &&
	       w->user == (reached && r->us) &&
	       w->executable == (reached && !r->xd);
}

static void report(uint32_t nr, uint32_t cr3, uint32_t va, uint32_t acc,
		   const struct guest_walk *w, const struct ref *r)
{
	printf("  nr 0x%x cr3 0x%x va 0x%x access 0x%x: walk err 0x%x bad %s "
	       "pfn 0x%x l3e 0x%llx l2e 0x%llx l1e 0x%llx; ref outcome %d "
	       "err 0x%x pfn 0x%x\n", nr, cr3, va, acc, w->error_code,
	       w->bad ? w->bad : "-", w->pfn, (unsigned long long)w->l3e,
	       (unsigned long long)w->l2e, (unsigned long long)w->l1e,
	       r->outcome, r->error_code, r->pfn);
}

/* How often each kind of result came up, so a dull generator fails. */
enum { SEEN_OK, SEEN_NP, SEEN_RIGHTS, SEEN_RSVD, SEEN_BAD, SEEN_LARGE, SEEN_N };

static void count(unsigned *seen, const struct ref *r)
{
	if (r->outcome == BAD)
		seen[SEEN_BAD]++;
	else if (r->outcome == OK)
		seen[r->large ? SEEN_LARGE : SEEN_OK]++;
	else if (r->error_code & PF_RSVD)
		seen[SEEN_RSVD]++;
	else
		seen[r->error_code & PF_P ? SEEN_RIGHTS : SEEN_NP]++;
}

static void test_oracle(void)
{
	static const uint32_t nrs[] = { 5, 8, NR, 0x300, 0x401, 0x5ff };
	unsigned seen[SEEN_N] = { 0 }, mismatches = 0;

	for (int tree = 0; tree < 300; tree++) {
		uint32_t nr = nrs[rnd() % ARRAY_SIZE(nrs)];

		random_tree(nr);
		for (int n = 0; n < 200; n++) {
			uint32_t cr3 = (uint32_t)(random_frame(nr) << 12 |
						  (rnd() & 0xfff));
			uint32_t va = (uint32_t)rnd();
			uint32_t acc = accesses[rnd() % ARRAY_SIZE(accesses)];
			struct guest_walk w;
			bool ok = walk(nr, cr3, va, acc, &w);
			struct ref r;

			ref_walk(&r, nr, cr3, va, acc);

			count(seen, &r);
			if (!same(&w, ok, &r) && mismatches++ < 5)
				report(nr, cr3, va, acc, &w, &r);
		}
	}
	CHECK_EQ(mismatches, 0);
	for (int i = 0; i < SEEN_N; i++) {
		if (seen[i] < 1000)
			printf("  result kind %d: only %u times\n", i, seen[i]);
		CHECK(seen[i] >= 1000);
	}
}

/*
 * Every frame holds entries that are valid at any level (frame 1's name
 * table 2, frame 2's table 3, all others page 4), so a walk can only be
 * refused at the one random entry put on its path, at the given level.
 */
static void fill_valid(void)
{
	for (uint32_t pfn = 0; pfn < MEM_FRAMES; pfn++)
		for (unsigned i = 0; i < 512; i++)
			put(pfn, i, pfn == 1 ? L3 : pfn == 2 ? L2 | FULL :
				    L1 | FULL);
}

static void test_agrees_with_pte_check(void)
{
	static const uint32_t slot_pfn[4] = { 0, 3, 2, 1 };
	static const unsigned slot_index[4] = { 0, 7, 5, 1 };
	unsigned refused = 0, disagreements = 0;

	fill_valid();
	for (int n = 0; n < 20000; n++) {
		unsigned level = 1 + (unsigned)(rnd() % 3);
		uint64_t e = random_entry(NR);
		struct guest_walk w;

		if (pte_addr(e) >> 12 == HOLE)
			continue;	/* pte_check cannot know of it */
		put(slot_pfn[level], slot_index[level], e);
		walk(NR, CR3, VA, 0, &w);
		bool walk_refused = w.bad || (w.error_code & PF_RSVD);
		bool check_refused = pte_check(e, level, NR) != NULL;

		if (walk_refused != check_refused && disagreements++ < 5)
			printf("  level %u entry 0x%llx: walk %s, "
			       "pte_check %s\n", level, (unsigned long long)e,
			       walk_refused ? "refuses" : "accepts",
			       check_refused ? "refuses" : "accepts");
		refused += check_refused;
		put(slot_pfn[level], slot_index[level],
		    level == 3 ? L3 : level == 2 ? L2 | FULL : L1 | FULL);
	}
	CHECK_EQ(disagreements, 0);
	CHECK(refused > 1000 && refused < 19000);
}

int main(void)
{
	for (int i = 0; i < MEM_FRAMES; i++)
		fake.frame[i] = calloc(1, 4096);
	UNIT_CASE(test_not_present);
	UNIT_CASE(test_rights);
	UNIT_CASE(test_reserved);
	UNIT_CASE(test_beyond);
	UNIT_CASE(test_large);
	UNIT_CASE(test_large_offsets);
	UNIT_CASE(test_cr3);
	UNIT_CASE(test_bad_reasons);
	UNIT_CASE(test_va_edges);
	UNIT_CASE(test_rights_all);
	UNIT_CASE(test_oracle);
	UNIT_CASE(test_agrees_with_pte_check);
	for (int i = 0; i < MEM_FRAMES; i++)
		free(fake.frame[i]);
	return unit_finish();
}
