/*
 * test_elf_check.c - elf_check on images built in memory, one field wrong
 * at a time.
 *
 * Shows: a well-formed image is accepted with the right summary; changing
 * any one checked field is refused with the exact reason, and where two
 * fields are wrong the earlier check wins; the checker reads nothing
 * outside the image (each image is checked from a heap block of exactly
 * its size at an odd address, so ASan sees any overread and UBSan any
 * misaligned access) and refuses every truncation of a good image.
 * What a real toolchain emits passes too (the cross-built fixture
 * build/fixtures/tiny.elf, which make test builds first).
 * Cannot show: that the loader honours the summary.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/elf.h"
#include "core/elf_check.h"
#include "tests/unit/unit.h"

/*
 * make_image(n) lays out n PT_LOAD segments and one PT_NOTE:
 *
 *   file 0x0000  file header, then n + 1 program headers
 *        0x0fe0  the note's 0x20 bytes
 *        0x1000  segment 0: 0x100 bytes, loaded at 0x400000, memsz 0x1000
 *        0x2000  segment 1: 0x100 bytes, loaded at 0x401000, memsz 0x1000
 *        ...     the file ends with the last segment's bytes
 *
 * and the entry point is 0x400010.  The tables below count on this layout.
 */
#define SEG_OFFSET(i)	(0x1000u * ((i) + 1))
#define SEG_VADDR(i)	(0x400000u + 0x1000u * (i))
#define SEG_FILESZ	0x100u
#define SEG_MEMSZ	0x1000u
#define NOTE_OFFSET	0xfe0u
#define NOTE_SIZE	0x20u
#define ENTRY		0x400010u

static size_t image_size(unsigned nloads)
{
	return SEG_OFFSET(nloads - 1) + SEG_FILESZ;
}

/* The host is little-endian like i386, so the structures copy as they are. */
static void put_phdr(uint8_t *image, unsigned i, const struct elf32_phdr *ph)
{
	memcpy(image + sizeof(struct elf32_ehdr) + i * sizeof(*ph), ph, sizeof(*ph));
}

/* A loadable image with nloads >= 1 PT_LOAD headers; free() it. */
static uint8_t *make_image(unsigned nloads)
{
	struct elf32_ehdr eh = {
		.e_ident = { 0x7f, 'E', 'L', 'F', ELF_CLASS32, ELF_DATA2LSB,
			     ELF_EV_CURRENT },
		.e_type = ELF_ET_EXEC, .e_machine = ELF_EM_386,
		.e_version = ELF_EV_CURRENT, .e_entry = ENTRY,
		.e_phoff = sizeof(eh), .e_ehsize = sizeof(eh),
		.e_phentsize = sizeof(struct elf32_phdr),
		.e_phnum = (uint16_t)(nloads + 1),
	};
	struct elf32_phdr note = { .p_type = ELF_PT_NOTE, .p_offset = NOTE_OFFSET,
				   .p_filesz = NOTE_SIZE, .p_memsz = NOTE_SIZE };
	uint8_t *image = calloc(1, image_size(nloads));

	memcpy(image, &eh, sizeof(eh));
	for (unsigned i = 0; i < nloads; i++) {
		struct elf32_phdr ph = {
			.p_type = ELF_PT_LOAD, .p_offset = SEG_OFFSET(i),
			.p_vaddr = SEG_VADDR(i), .p_paddr = SEG_VADDR(i),
			.p_filesz = SEG_FILESZ, .p_memsz = SEG_MEMSZ,
			.p_flags = ELF_PF_R | ELF_PF_X, .p_align = 0x1000,
		};
		put_phdr(image, i, &ph);
	}
	put_phdr(image, nloads, &note);
	return image;
}

/*
 * Check image[0..size) from a copy in a heap block that ends exactly where
 * the image does, starting at an odd address.
 */
static const char *check(const uint8_t *image, size_t size, struct elf_info *info)
{
	uint8_t *block = malloc(size + 1);
	const char *why;

	memcpy(block + 1, image, size);
	why = elf_check(block + 1, size, info);
	free(block);
	return why;
}

/* CHECK_STR, saying which case it was when it fails. */
static void expect(const char *what, const char *got, const char *want)
{
	int before = unit_case_failures;

	CHECK_STR(got, want);
	if (unit_case_failures != before)
		printf("  (in case: %s)\n", what);
}

/* One field to overwrite, little-endian, at a file offset. */
struct patch {
	size_t offset, width;	/* width 0: unused */
	uint32_t value;
};

#define IDENT(i)	(i), 1
#define EH(f)		offsetof(struct elf32_ehdr, f), \
			sizeof(((struct elf32_ehdr *)0)->f)
#define PH(i, f)	sizeof(struct elf32_ehdr) + (i) * sizeof(struct elf32_phdr) + \
			offsetof(struct elf32_phdr, f), \
			sizeof(((struct elf32_phdr *)0)->f)

/* Changes to make_image(2), whose program headers are LOAD, LOAD, NOTE. */
static const struct mutation {
	const char *what;
	struct patch patch[3];
	const char *reason;	/* NULL: still loadable */
} mutations[] = {
	/* The file header, check by check. */
	{ "magic byte 0", { { IDENT(0), 0x7e } }, "not an ELF file (bad magic)" },
	{ "magic byte 3", { { IDENT(3), 'G' } }, "not an ELF file (bad magic)" },
	{ "class 64", { { IDENT(ELF_EI_CLASS), ELF_CLASS64 } },
	  "ELF64, expected ELF32" },
	{ "class 0", { { IDENT(ELF_EI_CLASS), 0 } },
	  "ELF class 0, expected 1 (ELF32)" },
	{ "big-endian", { { IDENT(ELF_EI_DATA), ELF_DATA2MSB } },
	  "big-endian, expected little-endian" },
	{ "data 3", { { IDENT(ELF_EI_DATA), 3 } },
	  "data encoding 3, expected 1 (little-endian)" },
	{ "ident version 0", { { IDENT(ELF_EI_VERSION), 0 } },
	  "ELF version 0 in e_ident, expected 1" },
	{ "e_version 2", { { EH(e_version), 2 } }, "ELF version 2, expected 1" },
	{ "PIE", { { EH(e_type), ELF_ET_DYN } },
	  "type 3 (shared object or PIE), expected 2 (executable)" },
	{ "object file", { { EH(e_type), ELF_ET_REL } },
	  "type 1 (relocatable object), expected 2 (executable)" },
	{ "type 0xfe00", { { EH(e_type), 0xfe00 } },
	  "type 65024 (unknown), expected 2 (executable)" },
	{ "x86-64", { { EH(e_machine), ELF_EM_X86_64 } },
	  "machine 62 (x86-64), expected 3 (i386)" },
	{ "machine 0", { { EH(e_machine), 0 } },
	  "machine 0 (unknown), expected 3 (i386)" },
	{ "ELF64 x86-64: class first",
	  { { IDENT(ELF_EI_CLASS), ELF_CLASS64 }, { EH(e_machine), ELF_EM_X86_64 } },
	  "ELF64, expected ELF32" },

	/* The program header table. */
	{ "phentsize 56", { { EH(e_phentsize), 56 } },
	  "program header size 56, expected 32" },
	{ "phnum 0", { { EH(e_phnum), 0 } }, "no program headers" },
	{ "table one byte past the end", { { EH(e_phoff), 0x2100 - 3 * 32 + 1 } },
	  "program header table (3 entries at offset 0x20a1) ends past the end of the file" },
	{ "table offset past the end", { { EH(e_phoff), 0x2101 } },
	  "program header table (3 entries at offset 0x2101) ends past the end of the file" },
	{ "table offset + size wraps",
	  { { EH(e_phoff), 0xffffffff }, { EH(e_phnum), 0xffff } },
	  "program header table (65535 entries at offset 0xffffffff) ends past the end of the file" },

	/* Every program header: file range, filesz <= memsz, no wrap. */
	{ "segment ends one byte past the end", { { PH(1, p_filesz), 0x101 } },
	  "segment 1 (offset 0x2000, filesz 0x101) ends past the end of the file" },
	{ "segment starts past the end",
	  { { PH(1, p_offset), 0x2101 }, { PH(1, p_filesz), 0 } },
	  "segment 1 (offset 0x2101, filesz 0x0) ends past the end of the file" },
	{ "segment offset + filesz wraps", { { PH(0, p_offset), 0xffffff80 } },
	  "segment 0 (offset 0xffffff80, filesz 0x100) ends past the end of the file" },
	{ "note ends past the end", { { PH(2, p_filesz), 0x10000 } },
	  "segment 2 (offset 0xfe0, filesz 0x10000) ends past the end of the file" },
	{ "past the end before filesz > memsz", { { PH(0, p_filesz), 0x2001 } },
	  "segment 0 (offset 0x1000, filesz 0x2001) ends past the end of the file" },
	{ "filesz > memsz", { { PH(0, p_filesz), 0x1001 } },
	  "segment 0 has filesz 0x1001 larger than memsz 0x1000" },
	{ "note filesz > memsz", { { PH(2, p_memsz), 0x1f } },
	  "segment 2 has filesz 0x20 larger than memsz 0x1f" },
	{ "segment ends at 4 GiB", { { PH(1, p_vaddr), 0xfffff000 } },
	  "segment 1 (vaddr 0xfffff000, memsz 0x1000) does not end below 4 GiB" },
	{ "segment wraps", { { PH(1, p_memsz), 0xffffffff } },
	  "segment 1 (vaddr 0x401000, memsz 0xffffffff) does not end below 4 GiB" },
	{ "note wraps", { { PH(2, p_vaddr), 0xfffffff0 } },
	  "segment 2 (vaddr 0xfffffff0, memsz 0x20) does not end below 4 GiB" },

	/* The loadable segments together. */
	{ "no PT_LOAD",
	  { { PH(0, p_type), ELF_PT_NOTE }, { PH(1, p_type), ELF_PT_NOTE } },
	  "no loadable segment" },
	{ "same vaddr", { { PH(1, p_vaddr), SEG_VADDR(0) } },
	  "loadable segments 0 and 1 overlap at 0x400000" },
	{ "last byte overlaps", { { PH(1, p_vaddr), 0x400fff } },
	  "loadable segments 0 and 1 overlap at 0x400fff" },
	{ "first byte overlaps", { { PH(1, p_vaddr), 0x3ff001 } },
	  "loadable segments 0 and 1 overlap at 0x400000" },
	{ "one inside the other",
	  { { PH(1, p_vaddr), 0x400100 }, { PH(1, p_memsz), 0x100 } },
	  "loadable segments 0 and 1 overlap at 0x400100" },
	{ "entry one past the last segment", { { EH(e_entry), SEG_VADDR(2) } },
	  "entry point 0x402000 is outside every loadable segment" },
	{ "entry one below the first segment", { { EH(e_entry), 0x3fffff } },
	  "entry point 0x3fffff is outside every loadable segment" },
	{ "entry in an empty segment",
	  { { EH(e_entry), SEG_VADDR(1) }, { PH(1, p_filesz), 0 },
	    { PH(1, p_memsz), 0 } },
	  "entry point 0x401000 is outside every loadable segment" },
	{ "entry in the note only", { { EH(e_entry), 0x10 } },
	  "entry point 0x10 is outside every loadable segment" },

	/* Edges that are still loadable. */
	{ "entry at the last byte", { { EH(e_entry), SEG_VADDR(2) - 1 } }, NULL },
	{ "entry at the first byte", { { EH(e_entry), SEG_VADDR(0) } }, NULL },
	{ "adjacent segments", { { PH(1, p_vaddr), 0x3ff000 } }, NULL },
	{ "empty segment inside another",
	  { { PH(1, p_vaddr), 0x400800 }, { PH(1, p_filesz), 0 },
	    { PH(1, p_memsz), 0 } }, NULL },
	{ "segment ends at the last byte below 4 GiB",
	  { { PH(1, p_vaddr), 0xffffefff } }, NULL },
	{ "empty file range at the end of the file",
	  { { PH(1, p_offset), 0x2100 }, { PH(1, p_filesz), 0 } }, NULL },
	{ "filesz == memsz", { { PH(0, p_memsz), SEG_FILESZ } }, NULL },
};

static void apply(uint8_t *image, const struct patch *p)
{
	for (size_t k = 0; k < p->width; k++)
		image[p->offset + k] = (uint8_t)(p->value >> (8 * k));
}

static void test_mutations(void)
{
	for (size_t i = 0; i < sizeof(mutations) / sizeof(mutations[0]); i++) {
		const struct mutation *m = &mutations[i];
		uint8_t *image = make_image(2);
		struct elf_info info;

		for (size_t p = 0; p < sizeof(m->patch) / sizeof(m->patch[0]); p++)
			apply(image, &m->patch[p]);
		expect(m->what, check(image, image_size(2), &info), m->reason);
		free(image);
	}
}

static void test_summary(void)
{
	uint8_t *image = make_image(2);
	struct elf_info info;

	CHECK_STR(check(image, image_size(2), &info), NULL);
	CHECK_EQ(info.entry, ENTRY);
	CHECK_EQ(info.nsegments, 2);
	for (unsigned i = 0; i < 2; i++) {
		CHECK_EQ(info.segments[i].offset, SEG_OFFSET(i));
		CHECK_EQ(info.segments[i].filesz, SEG_FILESZ);
		CHECK_EQ(info.segments[i].vaddr, SEG_VADDR(i));
		CHECK_EQ(info.segments[i].memsz, SEG_MEMSZ);
		CHECK_EQ(info.segments[i].flags, ELF_PF_R | ELF_PF_X);
	}
	CHECK_EQ(info.vaddr_lo, SEG_VADDR(0));
	CHECK_EQ(info.vaddr_hi, SEG_VADDR(2));
	free(image);
}

/* Segments in file order need not be in address order; bss needs no bytes. */
static void test_bss_only_segment_out_of_order(void)
{
	uint8_t *image = make_image(3);
	struct elf32_phdr bss = { .p_type = ELF_PT_LOAD, .p_offset = SEG_OFFSET(0),
				  .p_vaddr = 0x300000, .p_memsz = 0x5000,
				  .p_flags = ELF_PF_R | ELF_PF_W };
	struct elf_info info;

	put_phdr(image, 1, &bss);
	CHECK_STR(check(image, image_size(3), &info), NULL);
	CHECK_EQ(info.nsegments, 3);
	CHECK_EQ(info.segments[1].vaddr, 0x300000);
	CHECK_EQ(info.segments[1].filesz, 0);
	CHECK_EQ(info.segments[1].memsz, 0x5000);
	CHECK_EQ(info.vaddr_lo, 0x300000);
	CHECK_EQ(info.vaddr_hi, SEG_VADDR(3));
	free(image);
}

/* An empty segment occupies no memory, so it does not widen the bounds. */
static void test_empty_segment_outside_bounds(void)
{
	uint8_t *image = make_image(2);
	struct elf32_phdr empty = { .p_type = ELF_PT_LOAD, .p_vaddr = 0x1000 };
	struct elf_info info;

	put_phdr(image, 1, &empty);
	CHECK_STR(check(image, image_size(2), &info), NULL);
	CHECK_EQ(info.nsegments, 2);
	CHECK_EQ(info.vaddr_lo, SEG_VADDR(0));
	CHECK_EQ(info.vaddr_hi, SEG_VADDR(1));
	free(image);
}

static void test_segment_limit(void)
{
	uint8_t *image = make_image(ELF_MAX_SEGMENTS);
	struct elf_info info;

	CHECK_STR(check(image, image_size(ELF_MAX_SEGMENTS), &info), NULL);
	CHECK_EQ(info.nsegments, ELF_MAX_SEGMENTS);
	CHECK_EQ(info.segments[ELF_MAX_SEGMENTS - 1].vaddr,
		 SEG_VADDR(ELF_MAX_SEGMENTS - 1));
	CHECK_EQ(info.vaddr_hi, SEG_VADDR(ELF_MAX_SEGMENTS));
	free(image);

	image = make_image(ELF_MAX_SEGMENTS + 1);
	CHECK_STR(check(image, image_size(ELF_MAX_SEGMENTS + 1), &info),
		  "17 loadable segments, at most 16 supported");
	free(image);
}

/* Overlap is found between any pair, and named by PT_LOAD index. */
static void test_overlap_names_the_pair(void)
{
	uint8_t *image = make_image(4);
	struct elf32_phdr ph = { .p_type = ELF_PT_LOAD, .p_offset = SEG_OFFSET(3),
				 .p_vaddr = SEG_VADDR(1) + 0x800, .p_memsz = 0x10 };
	struct elf_info info;

	put_phdr(image, 3, &ph);
	CHECK_STR(check(image, image_size(4), &info),
		  "loadable segments 1 and 3 overlap at 0x401800");
	free(image);
}

static void test_shorter_than_header(void)
{
	uint8_t image[sizeof(struct elf32_ehdr)] = { 0x7f, 'E', 'L', 'F' };
	struct elf_info info;

	CHECK_STR(check(image, 0, &info),
		  "file is 0 bytes, shorter than an ELF header (52)");
	CHECK_STR(check(image, 51, &info),
		  "file is 51 bytes, shorter than an ELF header (52)");
}

/* Every cut of a good image loses bytes some check depends on. */
static void test_every_truncation_refused(void)
{
	uint8_t *image = make_image(2);
	struct elf_info info;
	unsigned accepted = 0;

	for (size_t size = 0; size < image_size(2); size++)
		if (check(image, size, &info) == NULL)
			accepted++;
	CHECK_EQ(accepted, 0);
	free(image);
}

/* A real linker's output: make test builds the fixtures first. */
static void test_fixture(void)
{
	FILE *f = fopen("build/fixtures/tiny.elf", "rb");
	static uint8_t image[1 << 20];
	struct elf_info info;
	size_t size;

	CHECK(f != NULL);
	if (!f)
		return;
	size = fread(image, 1, sizeof(image), f);
	CHECK(feof(f));
	fclose(f);
	CHECK_STR(check(image, size, &info), NULL);
	CHECK(info.nsegments >= 1);
}

int main(void)
{
	UNIT_CASE(test_mutations);
	UNIT_CASE(test_summary);
	UNIT_CASE(test_bss_only_segment_out_of_order);
	UNIT_CASE(test_empty_segment_outside_bounds);
	UNIT_CASE(test_segment_limit);
	UNIT_CASE(test_overlap_names_the_pair);
	UNIT_CASE(test_shorter_than_header);
	UNIT_CASE(test_every_truncation_refused);
	UNIT_CASE(test_fixture);
	return unit_finish();
}
