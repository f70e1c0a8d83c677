/*
 * test_descriptor.c - segment and gate descriptor encoding in
 * arch/x86_32/descriptor.c.
 *
 * Shows: the descriptors Warden builds come out as the well-known 64-bit
 * values (flat ring-0 code 0x00cf9a000000ffff, data 0x00cf92000000ffff,
 * and the rest written out below, worked by hand from Intel SDM vol. 3,
 * 3.4.5 and 6.11); a decoder written here from the SDM layout, not from
 * descriptor.c, reads back every field of a segment whose four base bytes
 * all differ, of the TSS descriptor and of the gates; and thousands of
 * random inputs round-trip through encode and decode.
 *
 * Cannot show: that the CPU accepts these descriptors (the boot tests load
 * them), nor what the encoders do with inputs outside their documented
 * range (limit_pages of 0 or above 2^20, a type above 0xf, a DPL above 3),
 * which they do not check.
 */
#include <stdint.h>

#include "arch/x86_32/descriptor.h"
#include "tests/unit/unit.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* The fields of a code, data or system segment descriptor. */
struct seg {
	uint32_t base;
	uint32_t limit;		/* 20 bits, in units given by flag G */
	unsigned access;	/* P, DPL, S, type */
	unsigned flags;		/* G, D/B, L, AVL */
};

static struct seg seg_decode(uint64_t d)
{
	struct seg s;

	s.limit = (uint32_t)(d & 0xffff) | (uint32_t)((d >> 48) & 0xf) << 16;
	s.base = (uint32_t)((d >> 16) & 0xffffff) |
		 (uint32_t)((d >> 56) & 0xff) << 24;
	s.access = (unsigned)(d >> 40) & 0xff;
	s.flags = (unsigned)(d >> 52) & 0xf;
	return s;
}

/* The fields of an IDT gate. */
struct gate {
	uint32_t offset;
	uint16_t selector;
	unsigned type, s, dpl, p;
	unsigned bits_32_39;	/* reserved in interrupt and task gates: 0 */
};

static struct gate gate_decode(uint64_t d)
{
	struct gate g;
	unsigned access = (unsigned)(d >> 40) & 0xff;

	g.offset = (uint32_t)(d & 0xffff) | (uint32_t)(d >> 48) << 16;
	g.selector = (uint16_t)(d >> 16);
	g.type = access & 0xf;
	g.s = (access >> 4) & 1;
	g.dpl = (access >> 5) & 3;
	g.p = access >> 7;
	g.bits_32_39 = (unsigned)(d >> 32) & 0xff;
	return g;
}

#define CODE0 (DESC_P | DESC_DPL(0) | DESC_CODE_DATA | DESC_CODE_READ)
#define DATA0 (DESC_P | DESC_DPL(0) | DESC_CODE_DATA | DESC_DATA_WRITE)
#define DATA3 (DESC_P | DESC_DPL(3) | DESC_CODE_DATA | DESC_DATA_WRITE)
#define CODE1 (DESC_P | DESC_DPL(1) | DESC_CODE_DATA | DESC_CODE_READ)
#define GUEST_PAGES 0xF5800u	/* the guests' segments end at 0xf57fffff */

static void test_known_segments(void)
{
	static const struct {
		const char *what;
		uint32_t base, pages;
		unsigned access;
		uint64_t want;
	} cases[] = {
		{ "flat ring-0 code", 0, 1u << 20, CODE0, 0x00cf9a000000ffffull },
		{ "... accessed", 0, 1u << 20, CODE0 | DESC_ACCESSED,
		  0x00cf9b000000ffffull },
		{ "flat ring-0 data", 0, 1u << 20, DATA0, 0x00cf92000000ffffull },
		{ "... accessed", 0, 1u << 20, DATA0 | DESC_ACCESSED,
		  0x00cf93000000ffffull },
		{ "flat ring-3 data", 0, 1u << 20, DATA3, 0x00cff2000000ffffull },
		{ "guest ring-1 code", 0, GUEST_PAGES, CODE1 | DESC_ACCESSED,
		  0x00cfbb00000057ffull },
		{ "guest ring-3 data", 0, GUEST_PAGES, DATA3 | DESC_ACCESSED,
		  0x00cff300000057ffull },
		{ "base bytes distinct", 0x12345678, GUEST_PAGES, DATA0,
		  0x12cf9234567857ffull },
		{ "one page", 0xf6800000, 1, DATA0, 0xf6c0928000000000ull },
	};

	for (unsigned i = 0; i < COUNT(cases); i++) {
		uint64_t d = desc_segment(cases[i].base, cases[i].pages,
					  cases[i].access);

		if (d != cases[i].want)
			printf("  %s: 0x%016llx, expected 0x%016llx\n",
			       cases[i].what, (unsigned long long)d,
			       (unsigned long long)cases[i].want);
		CHECK(d == cases[i].want);
	}
}

/* The segment with four distinct base bytes, field by field. */
static void test_segment_fields(void)
{
	uint64_t d = desc_segment(0x12345678, GUEST_PAGES, DATA3);
	struct seg s = seg_decode(d);

	CHECK_EQ(d & 0xffff, 0x57ff);			/* limit 15:0 */
	CHECK_EQ((d >> 16) & 0xffff, 0x5678);		/* base 15:0 */
	CHECK_EQ((d >> 32) & 0xff, 0x34);		/* base 23:16 */
	CHECK_EQ((d >> 40) & 0xff, 0xf2);		/* P, DPL 3, S, RW */
	CHECK_EQ((d >> 48) & 0xf, 0xf);			/* limit 19:16 */
	CHECK_EQ((d >> 52) & 0xf, 0xc);			/* G, D/B */
	CHECK_EQ(d >> 56, 0x12);			/* base 31:24 */
	CHECK_EQ(s.base, 0x12345678);
	CHECK_EQ(s.limit, GUEST_PAGES - 1);
	CHECK_EQ(s.access, DATA3);
	CHECK_EQ(s.flags, 0xc);
}

/* Warden's TSS: base 0xf6812340, 104 bytes, an available 32-bit TSS. */
static void test_tss(void)
{
	uint64_t d = desc_system(0xf6812340, 103, DESC_P | DESC_TSS_AVAIL);
	struct seg s = seg_decode(d);

	CHECK(d == 0xf600898123400067ull);
	CHECK_EQ(s.base, 0xf6812340);
	CHECK_EQ(s.limit, 103);
	CHECK_EQ(s.access, 0x89);		/* P, DPL 0, system, type 9 */
	CHECK_EQ(s.flags, 0);			/* byte granular */
}

static void test_known_gates(void)
{
	static const struct {
		const char *what;
		uint32_t offset;
		uint16_t selector;
		unsigned type, dpl;
		uint64_t want;
	} cases[] = {
		/* offset 31:16 | P DPL0 0 1110 | 0 | selector | offset 15:0 */
		{ "interrupt gate", 0xf6801230, 0xe008, GATE_INTERRUPT, 0,
		  0xf6808e00e0081230ull },
		{ "hypercall gate, DPL 1", 0xf6801240, 0xe008, GATE_INTERRUPT,
		  1, 0xf680ae00e0081240ull },
		{ "interrupt gate, DPL 3", 0x00000010, 0xe008, GATE_INTERRUPT,
		  3, 0x0000ee00e0080010ull },
		{ "task gate to the double-fault TSS", 0, 0xe040, GATE_TASK, 0,
		  0x00008500e0400000ull },
	};

	for (unsigned i = 0; i < COUNT(cases); i++) {
		uint64_t d = desc_gate(cases[i].offset, cases[i].selector,
				       cases[i].type, cases[i].dpl);

		if (d != cases[i].want)
			printf("  %s: 0x%016llx, expected 0x%016llx\n",
			       cases[i].what, (unsigned long long)d,
			       (unsigned long long)cases[i].want);
		CHECK(d == cases[i].want);
	}
}

static void test_gate_fields(void)
{
	struct gate g = gate_decode(desc_gate(0xf6801230, 0xe008,
					      GATE_INTERRUPT, 1));

	CHECK_EQ(g.offset, 0xf6801230);
	CHECK_EQ(g.selector, 0xe008);
	CHECK_EQ(g.type, 0xe);
	CHECK_EQ(g.s, 0);
	CHECK_EQ(g.dpl, 1);
	CHECK_EQ(g.p, 1);
	CHECK_EQ(g.bits_32_39, 0);
	CHECK_EQ((desc_gate(0xf6801230, 0xe008, GATE_INTERRUPT, 1) >> 40) &
		 0xff, 0xae);
	CHECK_EQ((desc_gate(0, 0xe040, GATE_TASK, 0) >> 40) & 0xff, 0x85);
}

static uint32_t rng = 77;

static uint32_t rnd(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 17;
	rng ^= rng << 5;
	return rng;
}

/* A hand table first, then random inputs: encode, decode, compare. */
static void check_segment_round_trip(uint32_t base, uint32_t pages,
				     unsigned access)
{
	struct seg s = seg_decode(desc_segment(base, pages, access));

	CHECK_EQ(s.base, base);
	CHECK_EQ(s.limit, pages - 1);
	CHECK_EQ(s.access, access);
	CHECK_EQ(s.flags, 0xc);
}

static void check_system_round_trip(uint32_t base, uint32_t limit,
				    unsigned access)
{
	struct seg s = seg_decode(desc_system(base, limit, access));

	CHECK_EQ(s.base, base);
	CHECK_EQ(s.limit, limit);
	CHECK_EQ(s.access, access);
	CHECK_EQ(s.flags, 0);
}

static void check_gate_round_trip(uint32_t offset, uint16_t selector,
				  unsigned type, unsigned dpl)
{
	struct gate g = gate_decode(desc_gate(offset, selector, type, dpl));

	CHECK_EQ(g.offset, offset);
	CHECK_EQ(g.selector, selector);
	CHECK_EQ(g.type, type);
	CHECK_EQ(g.s, 0);
	CHECK_EQ(g.dpl, dpl);
	CHECK_EQ(g.p, 1);
	CHECK_EQ(g.bits_32_39, 0);
}

static void test_round_trip_table(void)
{
	static const uint32_t bases[] = {
		0, 1, 0xff, 0xffffff, 0x1000000, 0x12345678, 0xff000000,
		0xffffffff, 0xf6800000,
	};
	static const uint32_t pages[] = { 1, 2, 0xffff, 0x10000, 0xfffff,
					  GUEST_PAGES, 1u << 20 };
	static const uint32_t limits[] = { 0, 103, 0xffff, 0x10000, 0xfffff };

	for (unsigned b = 0; b < COUNT(bases); b++) {
		for (unsigned p = 0; p < COUNT(pages); p++)
			check_segment_round_trip(bases[b], pages[p],
						 DATA3 | DESC_ACCESSED);
		for (unsigned l = 0; l < COUNT(limits); l++)
			check_system_round_trip(bases[b], limits[l],
						DESC_P | DESC_TSS_AVAIL);
		for (unsigned dpl = 0; dpl < 4; dpl++) {
			check_gate_round_trip(bases[b], 0xe008, GATE_INTERRUPT,
					      dpl);
			check_gate_round_trip(bases[b], 0xffff, GATE_TASK, dpl);
		}
	}
}

static void test_round_trip_random(void)
{
	int before = unit_case_failures;

	for (unsigned i = 0; i < 10000 && unit_case_failures == before; i++) {
		uint32_t base = rnd(), pages = rnd() % (1u << 20) + 1;
		unsigned access = rnd() & 0xff;

		check_segment_round_trip(base, pages, access);
		check_system_round_trip(base, rnd() & 0xfffff, access);
		check_gate_round_trip(rnd(), (uint16_t)rnd(), rnd() & 0xf,
				      rnd() & 3);
	}
}

int main(void)
{
	UNIT_CASE(test_known_segments);
	UNIT_CASE(test_segment_fields);
	UNIT_CASE(test_tss);
	UNIT_CASE(test_known_gates);
	UNIT_CASE(test_gate_fields);
	UNIT_CASE(test_round_trip_table);
	UNIT_CASE(test_round_trip_random);
	return unit_finish();
}
