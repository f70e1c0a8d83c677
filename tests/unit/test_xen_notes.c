/*
 * test_xen_notes.c - xen_notes_parse() on kernel images built in memory.
 *
 * Shows: every note Warden uses is read into its field, from 4- and 8-byte
 * numbers and from strings, across two PT_NOTE segments; other owners'
 * notes, unknown Xen types and look-alike names are skipped; names and
 * descs are walked with their 4-byte padding; each malformed note (too
 * short, past its segment, a huge size, a number of the wrong size or above
 * 4 GiB, a string without NUL, too long, or unprintable) is refused with
 * its exact reason.  Every image is parsed from a heap block of exactly its
 * size at an odd address, so ASan sees any overread and UBSan any
 * misaligned access, including over every truncation and every one-byte
 * corruption of a good image.
 * Cannot show: that real toolchains lay notes out this way (the images
 * here follow the ELF specification and Xen's elfnote.h), or that the
 * domain builder uses what it is given.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/elf.h"
#include "core/elf_check.h"
#include "core/xen_notes.h"
#include "include/public/elfnote.h"
#include "tests/unit/unit.h"

/*
 * The images: file header, program headers (one PT_LOAD, then one
 * PT_NOTE per note set), note set k at NOTES_AT + k * NOTES_MAX, and the
 * loadable segment's bytes last.
 */
#define NOTES_AT	0x100u
#define NOTES_MAX	0x400u
#define LOAD_AT		0x1000u
#define LOAD_SIZE	0x10u
#define LOAD_VADDR	0x400000u
#define IMAGE_SIZE	(LOAD_AT + LOAD_SIZE)

struct notes {
	uint8_t bytes[NOTES_MAX];
	uint32_t len;
};

static void put(struct notes *n, const void *p, uint32_t len)
{
	memcpy(n->bytes + n->len, p, len);
	n->len += len;
}

static void pad(struct notes *n)
{
	while (n->len % 4)
		n->bytes[n->len++] = 0;
}

/* Append a note; namesz counts the name's NUL, as ELF has it. */
static void add_note(struct notes *n, const char *name, uint32_t namesz,
		     uint32_t type, const void *desc, uint32_t descsz)
{
	uint32_t header[3] = { namesz, descsz, type };

	put(n, header, sizeof(header));
	put(n, name, namesz);
	pad(n);
	put(n, desc, descsz);
	pad(n);
}

static void xen_number(struct notes *n, uint32_t type, uint32_t value)
{
	add_note(n, "Xen", 4, type, &value, 4);
}

static void xen_number64(struct notes *n, uint32_t type, uint64_t value)
{
	add_note(n, "Xen", 4, type, &value, 8);
}

static void xen_string(struct notes *n, uint32_t type, const char *s)
{
	add_note(n, "Xen", 4, type, s, (uint32_t)strlen(s) + 1);
}

static void put_phdr(uint8_t *img, unsigned i, const struct elf32_phdr *ph)
{
	memcpy(img + sizeof(struct elf32_ehdr) + i * sizeof(*ph), ph, sizeof(*ph));
}

/* An executable holding sets[0..nsets) in PT_NOTE segments; free() it. */
static uint8_t *build(const struct notes *sets, unsigned nsets)
{
	struct elf32_ehdr eh = {
		.e_ident = { 0x7f, 'E', 'L', 'F', ELF_CLASS32, ELF_DATA2LSB,
			     ELF_EV_CURRENT },
		.e_type = ELF_ET_EXEC, .e_machine = ELF_EM_386,
		.e_version = ELF_EV_CURRENT, .e_entry = LOAD_VADDR,
		.e_phoff = sizeof(eh), .e_ehsize = sizeof(eh),
		.e_phentsize = sizeof(struct elf32_phdr),
		.e_phnum = (uint16_t)(1 + nsets),
	};
	struct elf32_phdr load = {
		.p_type = ELF_PT_LOAD, .p_offset = LOAD_AT, .p_vaddr = LOAD_VADDR,
		.p_filesz = LOAD_SIZE, .p_memsz = LOAD_SIZE, .p_flags = ELF_PF_R | ELF_PF_X,
	};
	uint8_t *img = calloc(1, IMAGE_SIZE);

	memcpy(img, &eh, sizeof(eh));
	put_phdr(img, 0, &load);
	for (unsigned k = 0; k < nsets; k++) {
		struct elf32_phdr note = {
			.p_type = ELF_PT_NOTE, .p_offset = NOTES_AT + k * NOTES_MAX,
			.p_filesz = sets[k].len, .p_memsz = sets[k].len, .p_align = 4,
		};

		put_phdr(img, 1 + k, &note);
		memcpy(img + note.p_offset, sets[k].bytes, sets[k].len);
	}
	return img;
}

/* Parse img[0..size) from a heap block that ends where it does, at an odd address. */
static const char *parse(const uint8_t *img, size_t size, struct xen_notes *out)
{
	uint8_t *block = malloc(size + 1);
	const char *why;

	memcpy(block + 1, img, size);
	why = xen_notes_parse(block + 1, size, out);
	free(block);
	return why;
}

/* Build an image from one note set and parse it. */
static const char *parse_set(const struct notes *set, struct xen_notes *out)
{
	uint8_t *img = build(set, 1);
	const char *why = parse(img, IMAGE_SIZE, out);

	free(img);
	return why;
}

/* The notes of a typical Xen kernel, 32-bit. */
static void typical(struct notes *n)
{
	xen_string(n, XEN_ELFNOTE_GUEST_OS, "XTF");
	xen_string(n, XEN_ELFNOTE_XEN_VERSION, "xen-3.0");
	xen_string(n, XEN_ELFNOTE_LOADER, "generic");
	xen_number(n, XEN_ELFNOTE_VIRT_BASE, 0);
	xen_number(n, XEN_ELFNOTE_PADDR_OFFSET, 0);
	xen_number(n, XEN_ELFNOTE_ENTRY, LOAD_VADDR);
	xen_number(n, XEN_ELFNOTE_HYPERCALL_PAGE, 0x401000);
	xen_string(n, XEN_ELFNOTE_PAE_MODE, "yes");
	xen_string(n, XEN_ELFNOTE_FEATURES, "!writable_page_tables|pae_pgdir_above_4gb");
	xen_string(n, XEN_ELFNOTE_GUEST_VERSION, "0.1");
}

static void test_typical_kernel(void)
{
	struct notes n = { .len = 0 };
	struct xen_notes out;
	struct elf_info info;
	uint8_t *img;

	typical(&n);
	img = build(&n, 1);
	CHECK_STR(elf_check(img, IMAGE_SIZE, &info), NULL);
	CHECK_STR(parse(img, IMAGE_SIZE, &out), NULL);
	free(img);
	CHECK(out.present);
	CHECK(out.has_entry && out.has_hypercall_page && out.has_virt_base);
	CHECK_EQ(out.entry, LOAD_VADDR);
	CHECK_EQ(out.hypercall_page, 0x401000);
	CHECK_EQ(out.virt_base, 0);
	CHECK_EQ(out.paddr_offset, 0);
	CHECK_STR(out.guest_os, "XTF");
	CHECK_STR(out.xen_version, "xen-3.0");
	CHECK_STR(out.loader, "generic");
	CHECK_STR(out.pae_mode, "yes");
	CHECK_STR(out.features, "!writable_page_tables|pae_pgdir_above_4gb");
}

static void test_no_notes(void)
{
	uint8_t *img = build(NULL, 0);
	struct xen_notes out;

	memset(&out, 0xff, sizeof(out));
	CHECK_STR(parse(img, IMAGE_SIZE, &out), NULL);
	free(img);
	CHECK(!out.present);
	CHECK(!out.has_entry && !out.has_hypercall_page && !out.has_virt_base);
	CHECK_EQ(out.entry, 0);
	CHECK_EQ(out.paddr_offset, 0);
	CHECK_STR(out.guest_os, "");
	CHECK_STR(out.features, "");
}

/* GNU and Linux notes (names of 4 and 6 bytes) around ours; look-alikes. */
static void test_other_owners_skipped(void)
{
	static const uint8_t build_id[20] = { 1, 2, 3 };
	uint32_t value = 0x12345678;
	struct notes n = { .len = 0 };
	struct xen_notes out;

	add_note(&n, "GNU", 4, 3, build_id, sizeof(build_id));
	add_note(&n, "Linux", 6, XEN_ELFNOTE_ENTRY, &value, 4);
	add_note(&n, "Xen", 3, XEN_ELFNOTE_ENTRY, &value, 4);	/* no NUL */
	add_note(&n, "XEN", 4, XEN_ELFNOTE_ENTRY, &value, 4);
	add_note(&n, "Xen\0\0\0", 6, XEN_ELFNOTE_ENTRY, &value, 4);
	CHECK_STR(parse_set(&n, &out), NULL);
	CHECK(!out.present);
	CHECK(!out.has_entry);
	xen_number(&n, XEN_ELFNOTE_ENTRY, LOAD_VADDR);
	CHECK_STR(parse_set(&n, &out), NULL);
	CHECK(out.present && out.has_entry);
	CHECK_EQ(out.entry, LOAD_VADDR);
}

/* Unknown types and types Warden does not read, in odd shapes, are skipped. */
static void test_unused_types_ignored(void)
{
	static const uint8_t odd[3] = { 1, 2, 3 };
	struct notes n = { .len = 0 };
	struct xen_notes out;

	add_note(&n, "Xen", 4, XEN_ELFNOTE_INFO, odd, sizeof(odd));
	add_note(&n, "Xen", 4, XEN_ELFNOTE_SUSPEND_CANCEL, odd, sizeof(odd));
	add_note(&n, "Xen", 4, XEN_ELFNOTE_PHYS32_ENTRY, odd, 0);
	add_note(&n, "Xen", 4, 0x1234, odd, sizeof(odd));
	CHECK_STR(parse_set(&n, &out), NULL);
	CHECK(out.present);
	CHECK(!out.has_entry && !out.has_hypercall_page && !out.has_virt_base);
}

static void test_numbers_of_8_bytes(void)
{
	struct notes n = { .len = 0 };
	struct xen_notes out;

	xen_number64(&n, XEN_ELFNOTE_ENTRY, 0xc0100000);
	xen_number64(&n, XEN_ELFNOTE_VIRT_BASE, 0xc0000000);
	xen_number64(&n, XEN_ELFNOTE_PADDR_OFFSET, 0xffffffff);
	CHECK_STR(parse_set(&n, &out), NULL);
	CHECK_EQ(out.entry, 0xc0100000);
	CHECK_EQ(out.virt_base, 0xc0000000);
	CHECK_EQ(out.paddr_offset, 0xffffffff);
}

/* The later of two notes of one type wins, across segments too. */
static void test_two_segments_later_wins(void)
{
	struct notes sets[2] = { { .len = 0 }, { .len = 0 } };
	struct xen_notes out;
	uint8_t *img;

	xen_number(&sets[0], XEN_ELFNOTE_ENTRY, 0x400000);
	xen_string(&sets[0], XEN_ELFNOTE_GUEST_OS, "first");
	xen_number(&sets[1], XEN_ELFNOTE_ENTRY, 0x400004);
	xen_number(&sets[1], XEN_ELFNOTE_HYPERCALL_PAGE, 0x402000);
	img = build(sets, 2);
	CHECK_STR(parse(img, IMAGE_SIZE, &out), NULL);
	free(img);
	CHECK_EQ(out.entry, 0x400004);
	CHECK_EQ(out.hypercall_page, 0x402000);
	CHECK_STR(out.guest_os, "first");
}

/* A desc whose padding would pass the segment's end is still read. */
static void test_unpadded_last_note(void)
{
	struct notes n = { .len = 0 };
	struct xen_notes out;

	xen_string(&n, XEN_ELFNOTE_LOADER, "gen");	/* 4 bytes: no padding */
	xen_string(&n, XEN_ELFNOTE_PAE_MODE, "bimodal!");	/* 9 bytes + 3 pad */
	n.len -= 3;
	CHECK_STR(parse_set(&n, &out), NULL);
	CHECK_STR(out.loader, "gen");
	CHECK_STR(out.pae_mode, "bimodal!");
}

/* Strings: the printable extremes, the longest that fits, one byte more. */
static void test_string_lengths(void)
{
	char name[33];
	struct notes n = { .len = 0 };
	struct xen_notes out;

	xen_string(&n, XEN_ELFNOTE_GUEST_OS, " printable ~");
	CHECK_STR(parse_set(&n, &out), NULL);
	CHECK_STR(out.guest_os, " printable ~");
	n.len = 0;
	memset(name, 'a', 31);
	name[31] = '\0';
	xen_string(&n, XEN_ELFNOTE_GUEST_OS, name);
	CHECK_STR(parse_set(&n, &out), NULL);
	CHECK_STR(out.guest_os, name);
	strcat(name, "a");
	n.len = 0;
	xen_string(&n, XEN_ELFNOTE_GUEST_OS, name);
	CHECK_STR(parse_set(&n, &out),
		  "XEN_ELFNOTE_GUEST_OS is 32 characters long, at most 31 fit");
}

/* One malformed note after a good one, and the reason it gives. */
struct bad {
	const char *what;
	void (*add)(struct notes *n);
	const char *reason;
};

static void entry_3_bytes(struct notes *n)
{
	add_note(n, "Xen", 4, XEN_ELFNOTE_ENTRY, "abc", 3);
}

static void hypercall_page_5_bytes(struct notes *n)
{
	add_note(n, "Xen", 4, XEN_ELFNOTE_HYPERCALL_PAGE, "abcde", 5);
}

static void virt_base_empty(struct notes *n)
{
	add_note(n, "Xen", 4, XEN_ELFNOTE_VIRT_BASE, "", 0);
}

static void entry_above_4g(struct notes *n)
{
	xen_number64(n, XEN_ELFNOTE_ENTRY, 0x100400000ull);
}

static void loader_without_nul(struct notes *n)
{
	add_note(n, "Xen", 4, XEN_ELFNOTE_LOADER, "generic", 7);
}

static void xen_version_too_long(struct notes *n)
{
	xen_string(n, XEN_ELFNOTE_XEN_VERSION, "xen-3.0-and-more");
}

static void features_with_escape(struct notes *n)
{
	xen_string(n, XEN_ELFNOTE_FEATURES, "pae\033[2J");
}

static void pae_mode_with_high_byte(struct notes *n)
{
	xen_string(n, XEN_ELFNOTE_PAE_MODE, "y\xe9s");
}

static void guest_os_with_del(struct notes *n)
{
	xen_string(n, XEN_ELFNOTE_GUEST_OS, "del\x7f");
}

/* The segment ends 8 bytes into a note header. */
static void header_cut(struct notes *n)
{
	uint32_t header[2] = { 4, 4 };

	put(n, header, sizeof(header));
}

static void name_size_huge(struct notes *n)
{
	uint32_t header[3] = { 0xffffffff, 4, XEN_ELFNOTE_ENTRY };

	put(n, header, sizeof(header));
	put(n, "Xen\0", 4);
}

static void desc_size_huge(struct notes *n)
{
	uint32_t header[3] = { 4, 0xfffffffd, XEN_ELFNOTE_ENTRY };

	put(n, header, sizeof(header));
	put(n, "Xen\0", 4);
}

/* The desc would end 4 bytes past the segment. */
static void desc_past_segment(struct notes *n)
{
	xen_number(n, XEN_ELFNOTE_ENTRY, LOAD_VADDR);
	n->len -= 4;
}

#define SECOND_NOTE	"0x118"	/* NOTES_AT + the good note's 24 bytes */

static const struct bad bad_notes[] = {
	{ "3-byte number", entry_3_bytes,
	  "XEN_ELFNOTE_ENTRY has 3 bytes, expected 4 or 8" },
	{ "5-byte number", hypercall_page_5_bytes,
	  "XEN_ELFNOTE_HYPERCALL_PAGE has 5 bytes, expected 4 or 8" },
	{ "empty number", virt_base_empty,
	  "XEN_ELFNOTE_VIRT_BASE has 0 bytes, expected 4 or 8" },
	{ "number above 4 GiB", entry_above_4g,
	  "XEN_ELFNOTE_ENTRY is 0x100400000, not below 4 GiB" },
	{ "string without NUL", loader_without_nul,
	  "XEN_ELFNOTE_LOADER is not NUL-terminated" },
	{ "string too long", xen_version_too_long,
	  "XEN_ELFNOTE_XEN_VERSION is 16 characters long, at most 15 fit" },
	{ "escape in a string", features_with_escape,
	  "XEN_ELFNOTE_FEATURES has byte 0x1b, not printable ASCII" },
	{ "byte above 0x7e in a string", pae_mode_with_high_byte,
	  "XEN_ELFNOTE_PAE_MODE has byte 0xe9, not printable ASCII" },
	{ "DEL in a string", guest_os_with_del,
	  "XEN_ELFNOTE_GUEST_OS has byte 0x7f, not printable ASCII" },
	{ "header cut short", header_cut,
	  "note at offset " SECOND_NOTE " runs past its segment" },
	{ "namesz 0xffffffff", name_size_huge,
	  "note at offset " SECOND_NOTE " runs past its segment" },
	{ "descsz 0xfffffffd", desc_size_huge,
	  "note at offset " SECOND_NOTE " runs past its segment" },
	{ "desc past the segment", desc_past_segment,
	  "note at offset " SECOND_NOTE " runs past its segment" },
};

static void test_bad_notes(void)
{
	for (size_t i = 0; i < sizeof(bad_notes) / sizeof(bad_notes[0]); i++) {
		struct notes n = { .len = 0 };
		struct xen_notes out;
		int before = unit_case_failures;

		xen_string(&n, XEN_ELFNOTE_GUEST_OS, "good");	/* 24 bytes */
		bad_notes[i].add(&n);
		CHECK_STR(parse_set(&n, &out), bad_notes[i].reason);
		if (unit_case_failures != before)
			printf("  (in case: %s)\n", bad_notes[i].what);
	}
}

/* Without elf_check in front: tables and segments outside the file. */
static void test_bounds_checked_again(void)
{
	struct notes n = { .len = 0 };
	struct xen_notes out;
	uint8_t *img;
	uint32_t bad = IMAGE_SIZE - 4;

	typical(&n);
	img = build(&n, 1);
	/* PT_NOTE starts 4 bytes before the end of the file: its notes do not fit */
	memcpy(img + sizeof(struct elf32_ehdr) + sizeof(struct elf32_phdr) +
	       offsetof(struct elf32_phdr, p_offset), &bad, sizeof(bad));
	CHECK_STR(parse(img, IMAGE_SIZE, &out),
		  "segment 1 ends past the end of the file");
	CHECK_STR(parse(img, 0x60, &out),
		  "program header table does not fit in the file");
	CHECK_STR(parse(img, 10, &out), "file is shorter than an ELF header");
	free(img);
}

/* No truncation or one-byte change of a good image makes it read outside. */
static void test_truncations_and_corruptions(void)
{
	struct notes n = { .len = 0 };
	struct xen_notes out;
	uint8_t *img;

	typical(&n);
	img = build(&n, 1);
	for (size_t size = 0; size < IMAGE_SIZE; size++)
		CHECK(parse(img, size, &out) != NULL || size >= NOTES_AT + n.len);
	for (size_t at = 0; at < NOTES_AT + n.len; at++) {
		uint8_t saved = img[at];

		for (unsigned v = 0; v < 256; v += 0x55) {
			img[at] = (uint8_t)v;
			parse(img, IMAGE_SIZE, &out);
		}
		img[at] = saved;
	}
	CHECK_STR(parse(img, IMAGE_SIZE, &out), NULL);
	free(img);
}

int main(void)
{
	UNIT_CASE(test_typical_kernel);
	UNIT_CASE(test_no_notes);
	UNIT_CASE(test_other_owners_skipped);
	UNIT_CASE(test_unused_types_ignored);
	UNIT_CASE(test_numbers_of_8_bytes);
	UNIT_CASE(test_two_segments_later_wins);
	UNIT_CASE(test_unpadded_last_note);
	UNIT_CASE(test_string_lengths);
	UNIT_CASE(test_bad_notes);
	UNIT_CASE(test_bounds_checked_again);
	UNIT_CASE(test_truncations_and_corruptions);
	return unit_finish();
}
