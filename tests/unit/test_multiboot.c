/*
 * test_multiboot.c - parsing the Multiboot v1 information (boot/multiboot.c).
 *
 * Shows: on fake machine memory (a 1 MiB host buffer holding an information
 * structure, memory map, module list and strings laid out as the spec says),
 * a well-formed structure is read exactly; every whole-structure failure
 * gives its reason; every module problem is reported on that module only;
 * strings are truncated or refused as documented; memory-map entries of
 * unusual sizes are walked correctly; boot data is recorded.  Structures and
 * strings touching the end of memory are read without going past it (the
 * buffer is a global, so AddressSanitizer would report an overrun).
 * Cannot show: that real loaders lay things out this way (the offsets here
 * are written from the spec, independently of multiboot.c).
 */
#include <stdint.h>

#include "boot/multiboot.h"
#include "tests/unit/unit.h"

#define MEM_SIZE 0x100000u
#define MAGIC MULTIBOOT_BOOTLOADER_MAGIC

/* Where build_good() puts things. */
#define MBI 0x1000u
#define MMAP 0x2000u
#define MODS 0x3000u
#define CMDLINE 0x4000u
#define LOADER 0x4100u
#define MOD_STRING(i) (0x5000u + 0x100u * (i))
#define MOD_BASE(i) (0x40000u + 0x10000u * (i))
#define MOD_LEN 0x8000u

/* Flags bits and offsets, from the spec. */
#define F_MEM (1u << 0)
#define F_CMDLINE (1u << 2)
#define F_MODS (1u << 3)
#define F_MMAP (1u << 6)
#define F_LOADER (1u << 9)
#define F_ALL (F_MEM | F_CMDLINE | F_MODS | F_MMAP | F_LOADER)

static const struct mem_range image = { 0x10000, 0x20000 };

static uint8_t memory[MEM_SIZE];
static const struct phys_view view = { memory, MEM_SIZE };
static struct boot_info info;

static void put32(uint32_t pa, uint32_t v)
{
	unsigned i;

	for (i = 0; i < 4; i++)
		memory[pa + i] = (uint8_t)(v >> (8 * i));
}

static void put64(uint32_t pa, uint64_t v)
{
	put32(pa, (uint32_t)v);
	put32(pa + 4, (uint32_t)(v >> 32));
}

static void put_string(uint32_t pa, const char *s)
{
	memcpy(&memory[pa], s, strlen(s) + 1);
}

/* n copies of c at pa, with or without a NUL after them. */
static void put_fill(uint32_t pa, char c, unsigned n, int nul)
{
	memset(&memory[pa], c, n);
	if (nul)
		memory[pa + n] = 0;
}

/* A memory-map entry with the given size field; returns the next entry. */
static uint32_t put_entry(uint32_t pa, uint32_t size, uint64_t base,
			  uint64_t len, uint32_t type)
{
	put32(pa, size);
	put64(pa + 4, base);
	put64(pa + 12, len);
	put32(pa + 20, type);
	return pa + 4 + size;
}

static void put_module(unsigned i, uint32_t start, uint32_t end,
		       uint32_t string)
{
	put32(MODS + 16 * i, start);
	put32(MODS + 16 * i + 4, end);
	put32(MODS + 16 * i + 8, string);
	put32(MODS + 16 * i + 12, 0);
}

/*
 * A machine as GRUB would describe it: low RAM, a BIOS hole, RAM from 1 MiB
 * (beyond our fake memory, which is fine: the map is only data), two modules.
 */
static void build_good(void)
{
	uint32_t e = MMAP;
	unsigned i;

	memset(memory, 0, sizeof(memory));
	put32(MBI + 0, F_ALL);
	put32(MBI + 16, CMDLINE);
	put32(MBI + 20, 2);
	put32(MBI + 24, MODS);
	put32(MBI + 64, LOADER);
	put_string(CMDLINE, "warden console=serial");
	put_string(LOADER, "GRUB 0.97");
	e = put_entry(e, 20, 0, 0x9fc00, 1);
	e = put_entry(e, 20, 0xf0000, 0x10000, 2);
	e = put_entry(e, 20, 0x100000, 0x7f00000, 1);
	put32(MBI + 44, e - MMAP);
	put32(MBI + 48, MMAP);
	for (i = 0; i < 2; i++) {
		put_module(i, MOD_BASE(i), MOD_BASE(i) + MOD_LEN, MOD_STRING(i));
		put_string(MOD_STRING(i), i ? "/guest1 b" : "/guest0 a");
	}
}

static const char *parse(void)
{
	return multiboot_parse(&view, MAGIC, MBI, image, &info);
}

static int covered_by_bootdata(uint64_t start, uint64_t end)
{
	unsigned i;

	for (i = 0; i < info.nbootdata; i++)
		if (info.bootdata[i].start <= start && end <= info.bootdata[i].end)
			return 1;
	return 0;
}

static void test_good(void)
{
	build_good();
	CHECK_STR(parse(), NULL);
	CHECK_STR(info.cmdline, "warden console=serial");
	CHECK_STR(info.loader, "GRUB 0.97");
	CHECK_EQ(info.nram, 2);
	CHECK_EQ(info.ram[0].start, 0);
	CHECK_EQ(info.ram[0].end, 0x9fc00);
	CHECK_EQ(info.ram[1].start, 0x100000);
	CHECK_EQ(info.ram[1].end, 0x8000000);
	CHECK_EQ(info.nfirmware, 1);
	CHECK_EQ(info.firmware[0].start, 0xf0000);
	CHECK_EQ(info.firmware[0].end, 0x100000);
	CHECK_EQ(info.nmodules, 2);
	CHECK_EQ(info.modules[1].start, MOD_BASE(1));
	CHECK_EQ(info.modules[1].end, MOD_BASE(1) + MOD_LEN);
	CHECK_STR(info.modules[0].cmdline, "/guest0 a");
	CHECK_STR(info.modules[1].cmdline, "/guest1 b");
	CHECK_STR(info.modules[0].problem, NULL);
	CHECK_STR(info.modules[1].problem, NULL);
	CHECK_EQ(info.modules_ignored, 0);
	CHECK_EQ(info.ranges_ignored, 0);
}

static void test_bootdata(void)
{
	build_good();
	CHECK_STR(parse(), NULL);
	CHECK(covered_by_bootdata(MBI, MBI + 68));
	CHECK(covered_by_bootdata(MMAP, MMAP + 72));
	CHECK(covered_by_bootdata(MODS, MODS + 32));
	CHECK(covered_by_bootdata(CMDLINE, CMDLINE + 22));
	CHECK(covered_by_bootdata(LOADER, LOADER + 10));
	CHECK(covered_by_bootdata(MOD_STRING(1), MOD_STRING(1) + 10));
	/* The modules themselves are not boot data. */
	CHECK(!covered_by_bootdata(MOD_BASE(0), MOD_BASE(0) + 1));
	CHECK_EQ(info.nbootdata, 7);
}

/* Strings packed back to back, as GRUB leaves them, share one entry. */
static void test_bootdata_packed(void)
{
	build_good();
	put_string(CMDLINE + 22, "GRUB 0.97");
	put32(MBI + 64, CMDLINE + 22);
	CHECK_STR(parse(), NULL);
	CHECK_EQ(info.nbootdata, 6);
	CHECK(covered_by_bootdata(CMDLINE, CMDLINE + 32));
}

/* More scattered pieces than bootdata[] holds: none may be lost. */
static void test_bootdata_overflow(void)
{
	unsigned i;

	build_good();
	put32(MBI + 20, BOOT_MAX_MODULES);
	for (i = 0; i < BOOT_MAX_MODULES; i++) {
		put_module(i, MOD_BASE(0) + i * 0x1000,
			   MOD_BASE(0) + (i + 1) * 0x1000, 0x80000 + i * 0x1000);
		put_string(0x80000 + i * 0x1000, "far apart");
	}
	CHECK_STR(parse(), NULL);
	CHECK_EQ(info.nbootdata, BOOT_MAX_BOOTDATA);
	for (i = 0; i < BOOT_MAX_MODULES; i++)
		CHECK(covered_by_bootdata(0x80000 + i * 0x1000,
					  0x80000 + i * 0x1000 + 10));
	CHECK(covered_by_bootdata(MBI, MBI + 68));
	CHECK(covered_by_bootdata(MODS, MODS + 16 * BOOT_MAX_MODULES));
}

/* A whole-structure failure: build_good(), patch one word, expect reason. */
struct failure_case {
	uint32_t magic, mbi_pa;
	uint32_t patch_pa, patch_value;	/* patch_pa 0: no patch */
	const char *reason;
};

static const struct failure_case failure_cases[] = {
	{ 0x1BADB002, MBI, 0, 0,
	  "not started by a multiboot loader (magic 0x1badb002)" },
	{ MAGIC, MEM_SIZE, 0, 0,
	  "multiboot information at 0x100000 lies outside memory" },
	{ MAGIC, MEM_SIZE - 67, 0, 0,	/* one byte short */
	  "multiboot information at 0xfffbd lies outside memory" },
	{ MAGIC, 0xffffffff, 0, 0,
	  "multiboot information at 0xffffffff lies outside memory" },
	{ MAGIC, MBI, MBI + 0, F_CMDLINE | F_MODS,
	  "no memory map (flags 0xc)" },
	{ MAGIC, MBI, MBI + 48, 0x200000,
	  "memory map at 0x200000 lies outside memory" },
	{ MAGIC, MBI, MBI + 48, MEM_SIZE - 71,
	  "memory map at 0xfffb9 lies outside memory" },
	{ MAGIC, MBI, MBI + 44, 0xffffffff,
	  "memory map at 0x2000 lies outside memory" },
	{ MAGIC, MBI, MMAP, 0,
	  "memory map entry at 0x2000 is malformed (size 0)" },
	{ MAGIC, MBI, MMAP + 24, 19,
	  "memory map entry at 0x2018 is malformed (size 19)" },
	{ MAGIC, MBI, MMAP + 48, 0xffffffff,
	  "memory map entry at 0x2030 runs past the end of the map" },
	{ MAGIC, MBI, MBI + 44, 71,
	  "memory map entry at 0x2030 runs past the end of the map" },
	{ MAGIC, MBI, MBI + 44, 74,	/* 2 bytes: not even a size field */
	  "memory map entry at 0x2048 runs past the end of the map" },
	{ MAGIC, MBI, MBI + 44, 0, "memory map has no available RAM" },
	{ MAGIC, MBI, MBI + 24, MEM_SIZE - 16,	/* list needs 32 bytes */
	  "module list at 0xffff0 lies outside memory" },
	{ MAGIC, MBI, MBI + 20, 0x10000000,	/* 4 GiB of list */
	  "module list at 0x3000 lies outside memory" },
};

static void test_failures(void)
{
	unsigned i;

	for (i = 0; i < sizeof(failure_cases) / sizeof(failure_cases[0]); i++) {
		const struct failure_case *c = &failure_cases[i];

		build_good();
		if (c->patch_pa)
			put32(c->patch_pa, c->patch_value);
		CHECK_STR(multiboot_parse(&view, c->magic, c->mbi_pa, image,
					  &info),
			  c->reason);
	}
}

static void test_all_firmware_is_no_ram(void)
{
	build_good();
	put32(MMAP + 20, 3);
	put32(MMAP + 68, 4);
	CHECK_STR(parse(), "memory map has no available RAM");
}

/* The structure may end exactly at the end of memory. */
static void test_mbi_at_end_of_memory(void)
{
	uint32_t mbi = MEM_SIZE - 68;

	build_good();
	memcpy(&memory[mbi], &memory[MBI], 68);
	CHECK_STR(multiboot_parse(&view, MAGIC, mbi, image, &info), NULL);
	CHECK_EQ(info.nmodules, 2);
	CHECK_STR(info.loader, "GRUB 0.97");
}

/* Module 1 rewritten; module 0 stays [MOD_BASE(0), +MOD_LEN). */
struct module_case {
	const char *what;
	uint32_t start, end;
	uint32_t string_pa;	/* 0: the usual string */
	unsigned string_len;	/* 'm's written there */
	int nul;		/* followed by a NUL */
	const char *problem;
	size_t cmdline_len;
};

#define M0 MOD_BASE(0)
#define M0_END (MOD_BASE(0) + MOD_LEN)

static const struct module_case module_cases[] = {
	{ "fine", 0x60000, 0x61000, 0, 0, 0, NULL, 9 },
	{ "empty", 0x60000, 0x60000, 0, 0, 0, "empty module", 9 },
	{ "inverted", 0x60000, 0x5f000, 0, 0, 0, "ends before it starts", 9 },
	{ "past memory", 0xff000, MEM_SIZE + 1, 0, 0, 0,
	  "lies outside memory", 9 },
	{ "far outside", 0xfffff000, 0xffffffff, 0, 0, 0,
	  "lies outside memory", 9 },
	{ "up to the end of memory", 0xff000, MEM_SIZE, 0, 0, 0, NULL, 9 },
	{ "into the image", image.end - 0x1000, image.end + 0x1000, 0, 0, 0,
	  "overlaps Warden's image", 9 },
	{ "around the image", 0x8000, 0x30000, 0, 0, 0,
	  "overlaps Warden's image", 9 },
	{ "touching the image", image.end, image.end + 0x1000, 0, 0, 0,
	  NULL, 9 },
	{ "into module 0", M0_END - 1, M0_END + 0x1000, 0, 0, 0,
	  "overlaps module 0", 9 },
	{ "inside module 0", M0 + 0x100, M0 + 0x200, 0, 0, 0,
	  "overlaps module 0", 9 },
	{ "touching module 0", M0_END, M0_END + 0x1000, 0, 0, 0, NULL, 9 },
	{ "longest string", 0x60000, 0x61000, 0x8000, BOOT_STRING_MAX - 1, 1,
	  NULL, BOOT_STRING_MAX - 1 },
	{ "string too long", 0x60000, 0x61000, 0x8000, BOOT_STRING_MAX, 1,
	  "command line too long", BOOT_STRING_MAX - 1 },
	{ "string never ends", 0x60000, 0x61000, 0x8000, 5000, 0,
	  "command line too long", BOOT_STRING_MAX - 1 },
	{ "string runs off memory", 0x60000, 0x61000, MEM_SIZE - 10, 10, 0,
	  "command line not terminated", 0 },
	{ "string outside memory", 0x60000, 0x61000, 0xfffffff0, 0, 0,
	  "command line not terminated", 0 },
	{ "string ends at the last byte", 0x60000, 0x61000, MEM_SIZE - 10, 9,
	  1, NULL, 9 },
	{ "bad range wins over bad string", 0x60000, 0x60000, MEM_SIZE - 10,
	  10, 0, "empty module", 0 },
};

static void run_module_case(const struct module_case *c)
{
	uint32_t string_pa = c->string_pa ? c->string_pa : MOD_STRING(1);

	build_good();
	if (c->string_pa && c->string_pa < MEM_SIZE)
		put_fill(c->string_pa, 'm', c->string_len, c->nul);
	put_module(1, c->start, c->end, string_pa);
	CHECK_STR(parse(), NULL);
	CHECK_EQ(info.nmodules, 2);
	CHECK_STR(info.modules[0].problem, NULL);
	CHECK_STR(info.modules[1].problem, c->problem);
	CHECK_EQ(info.modules[1].start, c->start);
	CHECK_EQ(info.modules[1].end, c->end);
	CHECK_EQ(strlen(info.modules[1].cmdline), c->cmdline_len);
}

static void test_module_problems(void)
{
	unsigned i;

	for (i = 0; i < sizeof(module_cases) / sizeof(module_cases[0]); i++) {
		int failures_before = unit_case_failures;

		run_module_case(&module_cases[i]);
		if (unit_case_failures != failures_before)
			printf("  ... in case \"%s\"\n", module_cases[i].what);
	}
}

/*
 * Overlaps are judged against earlier usable modules only: module 2 may
 * overlap module 1, which was refused, and module 3 is refused for
 * overlapping module 0 first although it overlaps module 2 as well.
 */
static void test_overlap_chain(void)
{
	build_good();
	put32(MBI + 20, 4);
	put_module(1, 0x18000, 0x28000, MOD_STRING(0));	/* into the image */
	put_module(2, 0x20000, 0x30000, MOD_STRING(0));	/* into module 1 */
	put_module(3, 0x2f000, 0x41000, MOD_STRING(0));	/* 2 and 0 */
	CHECK_STR(parse(), NULL);
	CHECK_STR(info.modules[0].problem, NULL);
	CHECK_STR(info.modules[1].problem, "overlaps Warden's image");
	CHECK_STR(info.modules[2].problem, NULL);
	CHECK_STR(info.modules[3].problem, "overlaps module 0");
	put_module(3, 0x2f000, 0x31000, MOD_STRING(0));	/* only 2 */
	CHECK_STR(parse(), NULL);
	CHECK_STR(info.modules[3].problem, "overlaps module 2");
}

static void test_too_many_modules(void)
{
	unsigned i, n = BOOT_MAX_MODULES + 4;

	build_good();
	put32(MBI + 20, n);
	for (i = 0; i < n; i++)
		put_module(i, 0x40000 + i * 0x1000, 0x41000 + i * 0x1000,
			   MOD_STRING(i));
	put_string(MOD_STRING(BOOT_MAX_MODULES - 1), "last one");
	CHECK_STR(parse(), NULL);
	CHECK_EQ(info.nmodules, BOOT_MAX_MODULES);
	CHECK_EQ(info.modules_ignored, 4);
	CHECK_STR(info.modules[BOOT_MAX_MODULES - 1].cmdline, "last one");
	CHECK_STR(info.modules[BOOT_MAX_MODULES - 1].problem, NULL);
	CHECK_EQ(info.modules[BOOT_MAX_MODULES - 1].start,
		 0x40000 + (BOOT_MAX_MODULES - 1) * 0x1000);
}

/* Entries of size 24 carry 4 extra bytes, to be skipped. */
static void test_mmap_odd_sizes(void)
{
	uint32_t e = MMAP;

	build_good();
	e = put_entry(e, 24, 0, 0x9f000, 1);
	put32(e - 4, 0xdeadbeef);	/* the extra field */
	e = put_entry(e, 20, 0xf0000, 0x10000, 2);
	e = put_entry(e, 36, 0x100000, 0x100000, 1);
	e = put_entry(e, 20, 0x180000, 0x100000, 1);	/* overlaps the last */
	e = put_entry(e, 20, 0x5000000, 0, 1);		/* empty: skipped */
	e = put_entry(e, 20, 0xfffffffffffff000ull, 0x2000, 3);	/* wraps */
	e = put_entry(e, 20, UINT64_MAX, 0x1000, 1);	/* wraps to empty */
	put32(MBI + 44, e - MMAP);
	CHECK_STR(parse(), NULL);
	CHECK_EQ(info.nram, 3);
	CHECK_EQ(info.ram[0].end, 0x9f000);
	CHECK_EQ(info.ram[1].start, 0x100000);
	CHECK_EQ(info.ram[1].end, 0x200000);
	CHECK_EQ(info.ram[2].start, 0x180000);
	CHECK_EQ(info.ram[2].end, 0x280000);
	CHECK_EQ(info.nfirmware, 2);
	CHECK_EQ(info.firmware[0].start, 0xf0000);
	CHECK_EQ(info.firmware[1].start, 0xfffffffffffff000ull);
	CHECK_EQ(info.firmware[1].end, UINT64_MAX);
}

static void test_too_many_ranges(void)
{
	uint32_t e = MMAP;
	unsigned i;

	build_good();
	for (i = 0; i < BOOT_MAX_RANGES + 3; i++)
		e = put_entry(e, 20, (uint64_t)i << 20, 0x1000, 1);
	e = put_entry(e, 20, 0xf0000, 0x10000, 2);
	put32(MBI + 44, e - MMAP);
	CHECK_STR(parse(), NULL);
	CHECK_EQ(info.nram, BOOT_MAX_RANGES);
	CHECK_EQ(info.ranges_ignored, 3);
	CHECK_EQ(info.nfirmware, 1);
	CHECK_EQ(info.ram[BOOT_MAX_RANGES - 1].start,
		 (uint64_t)(BOOT_MAX_RANGES - 1) << 20);
}

/* Warden's own strings are truncated or dropped, never a failure. */
static void test_own_strings(void)
{
	build_good();
	put_fill(CMDLINE, 'c', BOOT_STRING_MAX + 44, 1);
	put_fill(0x8000, 'l', 100, 1);
	put32(MBI + 64, 0x8000);
	CHECK_STR(parse(), NULL);
	CHECK_EQ(strlen(info.cmdline), BOOT_STRING_MAX - 1);
	CHECK_EQ(info.cmdline[0], 'c');
	CHECK_EQ(strlen(info.loader), sizeof(info.loader) - 1);

	build_good();
	put_fill(MEM_SIZE - 20, 'c', 20, 0);
	put32(MBI + 16, MEM_SIZE - 20);
	put32(MBI + 64, 0xffffffff);
	CHECK_STR(parse(), NULL);
	CHECK_STR(info.cmdline, "");
	CHECK_STR(info.loader, "");
}

/* Fields whose flag is clear are not read, whatever they hold. */
static void test_flags_clear(void)
{
	build_good();
	put32(MBI + 0, F_MMAP);
	put32(MBI + 16, 0xffffffff);
	put32(MBI + 24, 0xffffffff);
	CHECK_STR(parse(), NULL);
	CHECK_STR(info.cmdline, "");
	CHECK_STR(info.loader, "");
	CHECK_EQ(info.nmodules, 0);
	CHECK_EQ(info.nram, 2);
}

/* A second parse starts from nothing: no counts left over. */
static void test_reparse_resets(void)
{
	build_good();
	CHECK_STR(parse(), NULL);
	put32(MBI + 0, F_MMAP);
	CHECK_STR(parse(), NULL);
	CHECK_EQ(info.nmodules, 0);
	CHECK_EQ(info.nram, 2);
	CHECK_STR(info.cmdline, "");
}

int main(void)
{
	UNIT_CASE(test_good);
	UNIT_CASE(test_bootdata);
	UNIT_CASE(test_bootdata_packed);
	UNIT_CASE(test_bootdata_overflow);
	UNIT_CASE(test_failures);
	UNIT_CASE(test_all_firmware_is_no_ram);
	UNIT_CASE(test_mbi_at_end_of_memory);
	UNIT_CASE(test_module_problems);
	UNIT_CASE(test_overlap_chain);
	UNIT_CASE(test_too_many_modules);
	UNIT_CASE(test_mmap_odd_sizes);
	UNIT_CASE(test_too_many_ranges);
	UNIT_CASE(test_own_strings);
	UNIT_CASE(test_flags_clear);
	UNIT_CASE(test_reparse_resets);
	return unit_finish();
}
