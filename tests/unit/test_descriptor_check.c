/*
 * test_descriptor_check.c - descriptor_check() on a table of descriptors,
 * each with the descriptor Warden must install or the reason it refuses.
 *
 * Shows: flat ring-1 and ring-3 segments pass with only the accessed bit
 * added; DPL 0 becomes 1 and DPL 2 and 3 stay; limits reaching past
 * 0xF5800000 (4 KiB or byte granular, wrapping at 4 GiB or not) are cut to
 * end exactly there or just below; bases too close to it are refused;
 * expand-down segments (32- and 16-bit) are left alone when they stay below
 * it and otherwise cut as Xen cuts them, or refused when byte granular;
 * conforming code, 16-bit segments and the AVL bit are handled like the
 * rest; not-present descriptors pass untouched; every present system
 * descriptor and the L bit are refused, leaving the descriptor unchanged.
 * Cannot show: that a CPU honours the cut limits (QEMU's TCG does not
 * enforce limits at all), or that callers check every descriptor.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "core/descriptor_check.h"
#include "tests/unit/unit.h"

/* Access byte: present, DPL, S (code/data), type. */
#define P		0x80
#define DPL(n)		((n) << 5)
#define S		0x10
#define CODE		0xa	/* execute/read */
#define CONFORMING	0xe	/* execute/read, conforming */
#define DATA		0x2	/* read/write */
#define DATA_DOWN	0x6	/* read/write, expand-down */
#define A		0x1

/* Flags nibble. */
#define G		0x8
#define DB		0x4
#define L		0x2
#define AVL		0x1

/* A descriptor from its fields, as a constant for the tables below. */
#define DESC(base, limit, access, flags)					\
	((uint64_t)((limit) & 0xffff) | (uint64_t)((base) & 0xffffff) << 16 |	\
	 (uint64_t)(access) << 40 | (uint64_t)(((limit) >> 16) & 0xf) << 48 |	\
	 (uint64_t)(flags) << 52 | (uint64_t)((uint32_t)(base) >> 24) << 56)

struct fix {
	const char *what;
	uint64_t in, out;
};

static const struct fix accepted[] = {
	{ "ring-1 code ending at 0xF57FFFFF gets only the accessed bit",
	  DESC(0, 0xf57ff, P | DPL(1) | S | CODE, G | DB),
	  DESC(0, 0xf57ff, P | DPL(1) | S | CODE | A, G | DB) },
	{ "ring-1 data ending at 0xF57FFFFF gets only the accessed bit",
	  DESC(0, 0xf57ff, P | DPL(1) | S | DATA, G | DB),
	  DESC(0, 0xf57ff, P | DPL(1) | S | DATA | A, G | DB) },
	{ "an accessed descriptor stays as it is",
	  DESC(0, 0xf57ff, P | DPL(1) | S | DATA | A, G | DB),
	  DESC(0, 0xf57ff, P | DPL(1) | S | DATA | A, G | DB) },
	{ "DPL 0 code becomes DPL 1",
	  DESC(0, 0xf57ff, P | DPL(0) | S | CODE, G | DB),
	  DESC(0, 0xf57ff, P | DPL(1) | S | CODE | A, G | DB) },
	{ "DPL 0 data becomes DPL 1",
	  DESC(0x1000, 0xff, P | DPL(0) | S | DATA, G | DB),
	  DESC(0x1000, 0xff, P | DPL(1) | S | DATA | A, G | DB) },
	{ "DPL 2 stays",
	  DESC(0x1000, 0xff, P | DPL(2) | S | DATA, G | DB),
	  DESC(0x1000, 0xff, P | DPL(2) | S | DATA | A, G | DB) },
	{ "DPL 3 code stays",
	  DESC(0, 0xf57ff, P | DPL(3) | S | CODE, G | DB),
	  DESC(0, 0xf57ff, P | DPL(3) | S | CODE | A, G | DB) },
	{ "flat 4 GiB ring-1 code is cut to end at 0xF5800000",
	  DESC(0, 0xfffff, P | DPL(1) | S | CODE, G | DB),
	  DESC(0, 0xf57ff, P | DPL(1) | S | CODE | A, G | DB) },
	{ "flat 4 GiB ring-3 data is cut, DPL kept",
	  DESC(0, 0xfffff, P | DPL(3) | S | DATA, G | DB),
	  DESC(0, 0xf57ff, P | DPL(3) | S | DATA | A, G | DB) },
	{ "flat 4 GiB DPL 0 data is cut and raised to DPL 1",
	  DESC(0, 0xfffff, P | DPL(0) | S | DATA, G | DB),
	  DESC(0, 0xf57ff, P | DPL(1) | S | DATA | A, G | DB) },
	{ "one page too far is cut by one page",
	  DESC(0, 0xf5800, P | DPL(1) | S | DATA, G | DB),
	  DESC(0, 0xf57ff, P | DPL(1) | S | DATA | A, G | DB) },
	{ "a base in the middle: cut to the pages that fit",
	  DESC(0x10000000, 0xfffff, P | DPL(1) | S | DATA, G | DB),
	  DESC(0x10000000, 0xe57ff, P | DPL(1) | S | DATA | A, G | DB) },
	{ "an unaligned base: cut to whole pages that end below",
	  DESC(0x1234, 0xfffff, P | DPL(1) | S | DATA, G | DB),
	  DESC(0x1234, 0xf57fd, P | DPL(1) | S | DATA | A, G | DB) },
	{ "base + limit wrapping at 4 GiB is cut",
	  DESC(0x80000000, 0xfffff, P | DPL(1) | S | CODE, G | DB),
	  DESC(0x80000000, 0x757ff, P | DPL(1) | S | CODE | A, G | DB) },
	{ "the highest base allowed keeps one page",
	  DESC(0xf57fe000, 0xfffff, P | DPL(1) | S | DATA, G | DB),
	  DESC(0xf57fe000, 0x1, P | DPL(1) | S | DATA | A, G | DB) },
	{ "byte granular, ending exactly at 0xF5800000: kept",
	  DESC(0xf5700000, 0xfffff, P | DPL(1) | S | DATA, DB),
	  DESC(0xf5700000, 0xfffff, P | DPL(1) | S | DATA | A, DB) },
	{ "byte granular, reaching past: cut to the byte",
	  DESC(0xf5780000, 0xfffff, P | DPL(1) | S | DATA, DB),
	  DESC(0xf5780000, 0x7ffff, P | DPL(1) | S | DATA | A, DB) },
	{ "byte granular, far below: kept",
	  DESC(0x1000, 0xfff, P | DPL(1) | S | DATA, DB),
	  DESC(0x1000, 0xfff, P | DPL(1) | S | DATA | A, DB) },
	{ "16-bit code (D clear): kept",
	  DESC(0x10000, 0xffff, P | DPL(1) | S | CODE, 0),
	  DESC(0x10000, 0xffff, P | DPL(1) | S | CODE | A, 0) },
	{ "16-bit data reaching past: cut to the byte",
	  DESC(0xf57f8000, 0xffff, P | DPL(1) | S | DATA, 0),
	  DESC(0xf57f8000, 0x7fff, P | DPL(1) | S | DATA | A, 0) },
	{ "conforming code DPL 0 becomes DPL 1",
	  DESC(0, 0xf57ff, P | DPL(0) | S | CONFORMING, G | DB),
	  DESC(0, 0xf57ff, P | DPL(1) | S | CONFORMING | A, G | DB) },
	{ "flat conforming code is cut like any code",
	  DESC(0, 0xfffff, P | DPL(3) | S | CONFORMING, G | DB),
	  DESC(0, 0xf57ff, P | DPL(3) | S | CONFORMING | A, G | DB) },
	{ "the AVL bit is kept",
	  DESC(0, 0xf57ff, P | DPL(1) | S | DATA, G | DB | AVL),
	  DESC(0, 0xf57ff, P | DPL(1) | S | DATA | A, G | DB | AVL) },
	{ "expand-down, empty (limit 0xfffff, 4 KiB): kept",
	  DESC(0, 0xfffff, P | DPL(1) | S | DATA_DOWN, G | DB),
	  DESC(0, 0xfffff, P | DPL(1) | S | DATA_DOWN | A, G | DB) },
	{ "expand-down from base 0 reaching 4 GiB: cut to empty",
	  DESC(0, 0xc0000, P | DPL(1) | S | DATA_DOWN, G | DB),
	  DESC(0, 0xfffff, P | DPL(1) | S | DATA_DOWN | A, G | DB) },
	{ "expand-down, limit 0 (4 GiB - 4 KiB): cut to empty",
	  DESC(0, 0, P | DPL(1) | S | DATA_DOWN, G | DB),
	  DESC(0, 0xfffff, P | DPL(1) | S | DATA_DOWN | A, G | DB) },
	{ "expand-down that wraps to below its base: kept",
	  DESC(0x40000000, 0xc0000, P | DPL(1) | S | DATA_DOWN, G | DB),
	  DESC(0x40000000, 0xc0000, P | DPL(1) | S | DATA_DOWN | A, G | DB) },
	{ "expand-down crossing 4 GiB: cut to wrap entirely",
	  DESC(0x40000000, 0x10000, P | DPL(1) | S | DATA_DOWN, G | DB),
	  DESC(0x40000000, 0xbffff, P | DPL(1) | S | DATA_DOWN | A, G | DB) },
	{ "expand-down with an unaligned base: cut by whole pages",
	  DESC(0x40000123, 0x10000, P | DPL(1) | S | DATA_DOWN, G | DB),
	  DESC(0x40000123, 0xbffff, P | DPL(1) | S | DATA_DOWN | A, G | DB) },
	{ "16-bit expand-down far below: kept",
	  DESC(0x1000, 0x100, P | DPL(1) | S | DATA_DOWN, 0),
	  DESC(0x1000, 0x100, P | DPL(1) | S | DATA_DOWN | A, 0) },
	{ "16-bit expand-down reaching 0xF5800000 (4 KiB): cut to empty",
	  DESC(0xf57f8000, 0, P | DPL(1) | S | DATA_DOWN, G),
	  DESC(0xf57f8000, 0xa807, P | DPL(1) | S | DATA_DOWN | A, G) },
	{ "not present: untouched, even DPL 0 and 4 GiB",
	  DESC(0, 0xfffff, DPL(0) | S | CODE, G | DB),
	  DESC(0, 0xfffff, DPL(0) | S | CODE, G | DB) },
	{ "not present system descriptor: untouched",
	  DESC(0xffffffff, 0xfffff, 0xc, 0xf),
	  DESC(0xffffffff, 0xfffff, 0xc, 0xf) },
	{ "all zeros: untouched", 0, 0 },
};

struct refusal {
	const char *what;
	uint64_t in;
	const char *reason;
};

static const struct refusal refused[] = {
	{ "32-bit TSS", DESC(0x1000, 0x67, P | DPL(1) | 0x9, 0),
	  "system descriptor type 0x9 (32-bit TSS) is not allowed" },
	{ "LDT", DESC(0x1000, 0xfff, P | DPL(1) | 0x2, 0),
	  "system descriptor type 0x2 (LDT) is not allowed" },
	{ "32-bit call gate", DESC(0x10000, 0xe019, P | DPL(3) | 0xc, 0),
	  "call gates (type 0xc) are not allowed: Warden does not check them yet" },
	{ "16-bit call gate", DESC(0x10000, 0xe019, P | DPL(3) | 0x4, 0),
	  "call gates (type 0x4, 16-bit) are not allowed: Warden does not check them yet" },
	{ "32-bit interrupt gate", DESC(0x10000, 0xe019, P | DPL(0) | 0xe, 0),
	  "system descriptor type 0xe (32-bit interrupt gate) is not allowed" },
	{ "task gate", DESC(0, 0xe038, P | DPL(3) | 0x5, 0),
	  "system descriptor type 0x5 (task gate) is not allowed" },
	{ "reserved system type 0", DESC(0, 0, P | DPL(1), 0),
	  "system descriptor type 0x0 (reserved) is not allowed" },
	{ "L bit", DESC(0, 0xf57ff, P | DPL(1) | S | CODE, G | L),
	  "the L bit (64-bit code) is set" },
	{ "base at 0xF5800000", DESC(0xf5800000, 0, P | DPL(1) | S | DATA, G | DB),
	  "segment base is at or above 0xF57FF000: guest segments must end by 0xF5800000" },
	{ "base one page below 0xF5800000", DESC(0xf57ff000, 0, P | DPL(1) | S | DATA, DB),
	  "segment base is at or above 0xF57FF000: guest segments must end by 0xF5800000" },
	{ "base in the switcher region", DESC(0xffff0000, 0xf, P | DPL(3) | S | CODE, 0),
	  "segment base is at or above 0xF57FF000: guest segments must end by 0xF5800000" },
	{ "byte-granular expand-down reaching 0xF5800000", DESC(0, 0xffff, P | DPL(1) | S | DATA_DOWN, DB),
	  "a byte-granular expand-down segment reaching 0xF5800000 cannot be cut back" },
};

static void test_accepted(void)
{
	for (size_t i = 0; i < sizeof(accepted) / sizeof(accepted[0]); i++) {
		const struct fix *c = &accepted[i];
		uint64_t d = c->in;
		int before = unit_case_failures;

		CHECK_STR(descriptor_check(&d), NULL);
		CHECK_EQ(d, c->out);
		if (unit_case_failures != before)
			printf("  (in case: %s)\n", c->what);
	}
}

static void test_refused(void)
{
	for (size_t i = 0; i < sizeof(refused) / sizeof(refused[0]); i++) {
		const struct refusal *c = &refused[i];
		uint64_t d = c->in;
		int before = unit_case_failures;

		CHECK_STR(descriptor_check(&d), c->reason);
		CHECK_EQ(d, c->in);
		if (unit_case_failures != before)
			printf("  (in case: %s)\n", c->what);
	}
}

/* Every present system type, at every DPL, is refused and left alone. */
static void test_every_system_type_refused(void)
{
	for (unsigned type = 0; type < 16; type++) {
		for (unsigned dpl = 0; dpl < 4; dpl++) {
			uint64_t in = DESC(0x1000, 0xfff, P | DPL(dpl) | type, G | DB);
			uint64_t d = in;
			const char *why = descriptor_check(&d);

			CHECK(why != NULL);
			CHECK_EQ(d, in);
		}
	}
}

/*
 * Whatever a guest hands in, a descriptor that passes is present-or-not as
 * before, never DPL 0 when present, and never reaches past 0xF5800000 when
 * it is expand-up.  Checked over a sweep of bases and limits.
 */
static uint64_t end_of(uint64_t d)
{
	uint64_t base = (d >> 16 & 0xffffff) | (d >> 56) << 24;
	uint64_t limit = (d & 0xffff) | (d >> 48 & 0xf) << 16;

	return base + ((limit + 1) << ((d >> 55) & 1 ? 12 : 0));
}

static void test_sweep_expand_up_ends_below(void)
{
	static const uint32_t bases[] = { 0, 1, 0xfff, 0x1000, 0x12345678,
					  0x80000000, 0xf5700000, 0xf57fe000,
					  0xf57fefff };
	static const uint32_t limits[] = { 0, 1, 0xfff, 0xffff, 0x80000,
					   0xf57ff, 0xf5800, 0xfffff };

	for (size_t b = 0; b < sizeof(bases) / sizeof(bases[0]); b++)
		for (size_t l = 0; l < sizeof(limits) / sizeof(limits[0]); l++)
			for (unsigned flags = 0; flags < 16; flags += 4) {
				uint64_t d = DESC(bases[b], limits[l],
						  P | DPL(0) | S | DATA, flags);

				CHECK_STR(descriptor_check(&d), NULL);
				CHECK(end_of(d) <= 0xf5800000);
				CHECK_EQ((d >> 45) & 3, 1);
			}
}

int main(void)
{
	UNIT_CASE(test_accepted);
	UNIT_CASE(test_refused);
	UNIT_CASE(test_every_system_type_refused);
	UNIT_CASE(test_sweep_expand_up_ends_below);
	return unit_finish();
}
