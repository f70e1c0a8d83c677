/*
 * test_hypercall_page.c - the code hypercall_page_fill() writes.
 *
 * Shows: the page is byte for byte the one 32-bit Xen writes (entries
 * copied from Xen's layout, int3 everywhere else, nothing of the old page
 * left), and a real disassembler, i686-linux-gnu-objdump, decodes every
 * entry to exactly `mov $nr,%eax; int $0x82; ret` (the iret entry to
 * `push %eax; mov $0x17,%eax; int $0x82`) with int3 up to the next entry.
 * Cannot show: that the entries trap into Warden; a boot test does that.
 */
#define _POSIX_C_SOURCE 200809L	/* mkstemp, popen */

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/hypercall_page.h"
#include "include/public/xen.h"
#include "tests/unit/unit.h"

#define ENTRY		HYPERCALL_PAGE_ENTRY_SIZE
#define CODE_MAX	8

/* Entries as Xen's pv_ring1_init_hypercall_page lays them out. */
static const struct {
	uint32_t nr;
	uint8_t code[CODE_MAX];
	size_t len;
} known[] = {
	{ 0, { 0xb8, 0x00, 0x00, 0x00, 0x00, 0xcd, 0x82, 0xc3 }, 8 },
	{ 1, { 0xb8, 0x01, 0x00, 0x00, 0x00, 0xcd, 0x82, 0xc3 }, 8 },
	{ 22, { 0xb8, 0x16, 0x00, 0x00, 0x00, 0xcd, 0x82, 0xc3 }, 8 },
	{ 23, { 0x50, 0xb8, 0x17, 0x00, 0x00, 0x00, 0xcd, 0x82 }, 8 },
	{ 24, { 0xb8, 0x18, 0x00, 0x00, 0x00, 0xcd, 0x82, 0xc3 }, 8 },
	{ 29, { 0xb8, 0x1d, 0x00, 0x00, 0x00, 0xcd, 0x82, 0xc3 }, 8 },
	{ 127, { 0xb8, 0x7f, 0x00, 0x00, 0x00, 0xcd, 0x82, 0xc3 }, 8 },
};

/* A page that starts out full of junk, so leftovers would show. */
static void fill(uint8_t *page)
{
	memset(page, 0xa5, HYPERCALL_PAGE_SIZE);
	hypercall_page_fill(page);
}

static void check_entry(const uint8_t *page, uint32_t nr, const uint8_t *code,
			size_t len)
{
	const uint8_t *e = page + nr * ENTRY;
	int before = unit_case_failures;

	CHECK(memcmp(e, code, len) == 0);
	for (size_t i = len; i < ENTRY; i++)
		CHECK_EQ(e[i], 0xcc);
	if (unit_case_failures != before)
		printf("  (in entry %u)\n", nr);
}

static void test_known_entries(void)
{
	uint8_t page[HYPERCALL_PAGE_SIZE];

	fill(page);
	for (size_t i = 0; i < sizeof(known) / sizeof(known[0]); i++)
		check_entry(page, known[i].nr, known[i].code, known[i].len);
}

/* Every ordinary entry is the same eight bytes with its own number. */
static void test_every_entry(void)
{
	uint8_t page[HYPERCALL_PAGE_SIZE];

	fill(page);
	for (uint32_t nr = 0; nr < HYPERCALL_PAGE_ENTRIES; nr++) {
		uint8_t code[CODE_MAX] = { 0xb8, (uint8_t)nr, 0, 0, 0, 0xcd, 0x82, 0xc3 };

		if (nr != __HYPERVISOR_iret)
			check_entry(page, nr, code, sizeof(code));
	}
}

/*
 * The disassembly: text[off] is the instruction objdump decodes at offset
 * off, with runs of blanks squeezed to one, or "" if none starts there.
 */
static char text[HYPERCALL_PAGE_SIZE][32];

static void squeeze(char *dst, size_t size, const char *src)
{
	size_t n = 0;

	for (; *src && *src != '\n' && n + 1 < size; src++) {
		if (*src == ' ' || *src == '\t') {
			if (n > 0 && dst[n - 1] != ' ')
				dst[n++] = ' ';
		} else {
			dst[n++] = *src;
		}
	}
	while (n > 0 && dst[n - 1] == ' ')
		n--;
	dst[n] = '\0';
}

/* "   1f:\tcd 82                \tint    $0x82" -> text[0x1f] = "int $0x82" */
static int parse_line(const char *line)
{
	unsigned off;
	const char *tab;

	if (sscanf(line, " %x:", &off) != 1 || off >= HYPERCALL_PAGE_SIZE)
		return 0;
	tab = strchr(line, '\t');
	tab = tab ? strchr(tab + 1, '\t') : NULL;
	if (!tab)
		return 0;		/* the bytes of a long instruction, continued */
	squeeze(text[off], sizeof(text[off]), tab + 1);
	return 1;
}

/* Run objdump on the page; the number of instructions it decoded. */
static int disassemble(const uint8_t *page)
{
	char path[] = "/tmp/test_hypercall_page.XXXXXX";
	char cmd[128], line[256];
	int fd = mkstemp(path), count = 0;
	FILE *out;

	memset(text, 0, sizeof(text));
	if (fd < 0 || write(fd, page, HYPERCALL_PAGE_SIZE) != HYPERCALL_PAGE_SIZE)
		return 0;
	close(fd);
	snprintf(cmd, sizeof(cmd),
		 "i686-linux-gnu-objdump -D -z -b binary -m i386 %s", path);
	out = popen(cmd, "r");
	while (out && fgets(line, sizeof(line), out))
		count += parse_line(line);
	if (!out || pclose(out) != 0) {
		printf("  `%s` failed; `make deps` installs binutils-i686-linux-gnu\n", cmd);
		count = 0;
	}
	unlink(path);
	return count;
}

/* What objdump must print for entry nr, instruction by instruction. */
static void expect_entry(char (*want)[32], uint32_t nr)
{
	unsigned at = nr * ENTRY, end = at + ENTRY;

	if (nr == __HYPERVISOR_iret)
		strcpy(want[at++], "push %eax");
	snprintf(want[at], sizeof(want[at]), "mov $0x%x,%%eax", nr);
	strcpy(want[at + 5], "int $0x82");
	at += 7;
	if (nr != __HYPERVISOR_iret)
		strcpy(want[at++], "ret");
	while (at < end)
		strcpy(want[at++], "int3");
}

static void test_objdump_decodes_entries(void)
{
	static char want[HYPERCALL_PAGE_SIZE][32];
	uint8_t page[HYPERCALL_PAGE_SIZE];

	fill(page);
	CHECK(disassemble(page) > 0);
	memset(want, 0, sizeof(want));
	for (uint32_t nr = 0; nr < HYPERCALL_PAGE_ENTRIES; nr++)
		expect_entry(want, nr);
	for (unsigned off = 0; off < HYPERCALL_PAGE_SIZE; off++) {
		int before = unit_case_failures;

		CHECK_STR(text[off], want[off]);
		if (unit_case_failures != before) {
			printf("  (at offset 0x%x)\n", off);
			return;		/* one mismatch says enough */
		}
	}
}

int main(void)
{
	UNIT_CASE(test_known_entries);
	UNIT_CASE(test_every_entry);
	UNIT_CASE(test_objdump_decodes_entries);
	return unit_finish();
}
