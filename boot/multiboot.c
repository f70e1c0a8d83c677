/*
 * multiboot.c - reading the Multiboot v1 information structure.
 *
 * The loader leaves a structure in memory whose flags word says which of its
 * fields are valid (Multiboot specification 0.6.96, section 3.3):
 *
 *	 0  flags
 *	16  cmdline		physical address of a NUL-terminated string (bit 2)
 *	20  mods_count		module list, 16 bytes per module (bit 3)
 *	24  mods_addr
 *	44  mmap_length		memory map (bit 6)
 *	48  mmap_addr
 *	64  boot_loader_name	physical address of a string (bit 9)
 *
 * Everything here is addresses and lengths written by software we do not
 * control, and a mistake would let Warden read outside memory or hand out a
 * frame that holds a guest's kernel.  So every pointer is followed only
 * through view_at(), which checks that the whole range lies in machine
 * memory (written as "off > size || len > size - off", which cannot
 * overflow), and multi-byte fields are assembled from bytes, so the code
 * never relies on the host's alignment rules.
 *
 * Failures of the structure as a whole (no memory map, a malformed entry)
 * stop the parse: Warden cannot run without knowing its memory.  A bad
 * module only marks that module, so the monitor can say which guest could
 * not start and why, and the others still run.
 */
#include <stdarg.h>
#include <stdbool.h>

#include "boot/multiboot.h"
#include "lib/format.h"
#include "lib/reason.h"
#include "lib/string.h"

/* Offsets in the information structure. */
enum {
	MBI_FLAGS = 0,
	MBI_CMDLINE = 16,
	MBI_MODS_COUNT = 20,
	MBI_MODS_ADDR = 24,
	MBI_MMAP_LENGTH = 44,
	MBI_MMAP_ADDR = 48,
	MBI_LOADER_NAME = 64,
	MBI_SIZE = 68,		/* up to the last field we read */
};

/* Bits of flags: which fields are valid. */
#define MBI_FLAG_CMDLINE (1u << 2)
#define MBI_FLAG_MODS (1u << 3)
#define MBI_FLAG_MMAP (1u << 6)
#define MBI_FLAG_LOADER (1u << 9)

/* A module list entry: [start, end) and the address of its string. */
enum { MOD_START = 0, MOD_END = 4, MOD_STRING = 8, MOD_ENTRY_SIZE = 16 };

/*
 * A memory-map entry.  Its size field does not count itself and may exceed
 * the 20 bytes we read (the next entry starts size + 4 bytes on), so newer
 * loaders can append fields.
 */
enum {
	MMAP_SIZE = 0,
	MMAP_BASE = 4,
	MMAP_LENGTH = 12,
	MMAP_TYPE = 20,
	MMAP_MIN_SIZE = 20,
};
#define MMAP_AVAILABLE 1

enum string_status { STRING_OK, STRING_TOO_LONG, STRING_UNTERMINATED };

/* Machine memory [pa, pa + len), or NULL if not all of it is in the view. */
static const uint8_t *view_at(const struct phys_view *mem, uint64_t pa,
			      uint64_t len)
{
	if (pa > mem->size || len > mem->size - pa)
		return NULL;
	return mem->base + pa;
}

static uint32_t le32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	       (uint32_t)p[3] << 24;
}

static uint64_t le64(const uint8_t *p)
{
	return (uint64_t)le32(p) | (uint64_t)le32(p + 4) << 32;
}

/* The smallest range covering both a and b. */
static struct mem_range hull(struct mem_range a, struct mem_range b)
{
	return (struct mem_range){ a.start < b.start ? a.start : b.start,
				   a.end > b.end ? a.end : b.end };
}

/*
 * Record that [pa, pa + len) (inside the view, so no overflow) holds the
 * loader's data.  A piece touching a recorded one joins it; when the array
 * is full the last entry grows to cover the piece, which may reserve some
 * free memory in between but never loses boot data.
 */
static void note_bootdata(struct boot_info *out, uint64_t pa, uint64_t len)
{
	struct mem_range r = { pa, pa + len };
	unsigned i;

	if (len == 0)
		return;
	for (i = 0; i < out->nbootdata; i++) {
		struct mem_range *b = &out->bootdata[i];

		if (b->start <= r.end && r.start <= b->end) {
			*b = hull(*b, r);
			return;
		}
	}
	if (out->nbootdata < BOOT_MAX_BOOTDATA)
		out->bootdata[out->nbootdata++] = r;
	else
		out->bootdata[BOOT_MAX_BOOTDATA - 1] =
			hull(out->bootdata[BOOT_MAX_BOOTDATA - 1], r);
}

/*
 * Copy the NUL-terminated string at pa into dst[cap] and note the bytes read
 * as boot data.  At most cap bytes are read: a longer string is cut to
 * cap - 1 characters without searching on for its end, so a string that
 * never ends costs no more than one that is merely long.  A string that
 * runs into the end of memory first reads as "".
 */
static enum string_status read_string(const struct phys_view *mem,
				      uint32_t pa, char *dst, size_t cap,
				      struct boot_info *out)
{
	uint64_t left = pa < mem->size ? mem->size - pa : 0;
	size_t n = left < cap ? (size_t)left : cap;
	const uint8_t *src = view_at(mem, pa, n);
	size_t len = 0;

	while (len < n && src[len] != 0)
		len++;
	if (len < n) {
		memcpy(dst, src, len + 1);
		note_bootdata(out, pa, len + 1);
		return STRING_OK;
	}
	note_bootdata(out, pa, n);
	if (n == cap) {
		memcpy(dst, src, cap - 1);
		dst[cap - 1] = '\0';
		return STRING_TOO_LONG;
	}
	dst[0] = '\0';
	return STRING_UNTERMINATED;
}

/* Warden's own command line and the loader's name: best effort, no errors. */
static void read_own_strings(const struct phys_view *mem, const uint8_t *mbi,
			     struct boot_info *out)
{
	uint32_t flags = le32(mbi + MBI_FLAGS);

	if (flags & MBI_FLAG_CMDLINE)
		read_string(mem, le32(mbi + MBI_CMDLINE), out->cmdline,
			    sizeof(out->cmdline), out);
	if (flags & MBI_FLAG_LOADER)
		read_string(mem, le32(mbi + MBI_LOADER_NAME), out->loader,
			    sizeof(out->loader), out);
}

/*
 * File the memory-map entry at e under RAM or firmware.  An entry reaching
 * past 2^64 is cut at 2^64 - 1; entries left empty take no slot.
 */
static void add_mmap_entry(struct boot_info *out, const uint8_t *e)
{
	uint64_t base = le64(e + MMAP_BASE), length = le64(e + MMAP_LENGTH);
	uint64_t end = length > UINT64_MAX - base ? UINT64_MAX : base + length;
	bool is_ram = le32(e + MMAP_TYPE) == MMAP_AVAILABLE;
	struct mem_range *list = is_ram ? out->ram : out->firmware;
	unsigned *n = is_ram ? &out->nram : &out->nfirmware;

	if (end == base)
		return;
	if (*n == BOOT_MAX_RANGES) {
		out->ranges_ignored++;
		return;
	}
	list[(*n)++] = (struct mem_range){ base, end };
}

/*
 * Check the entry at offset off of the len-byte map at map_pa: it must hold
 * the fields we read and end within the map.  Sets *size on success.
 */
static const char *check_mmap_entry(const uint8_t *map, uint32_t map_pa,
				    uint32_t len, uint32_t off,
				    uint32_t *size)
{
	unsigned long long pa = (unsigned long long)map_pa + off;
	uint32_t left = len - off;

	if (left >= 4) {
		*size = le32(map + off + MMAP_SIZE);
		if (*size < MMAP_MIN_SIZE)
			return reason("memory map entry at 0x%llx is malformed (size %u)",
				    pa, (unsigned)*size);
		if (*size <= left - 4)
			return NULL;
	}
	return reason("memory map entry at 0x%llx runs past the end of the map",
		    pa);
}

static const char *parse_mmap(const struct phys_view *mem, const uint8_t *mbi,
			      struct boot_info *out)
{
	uint32_t flags = le32(mbi + MBI_FLAGS);
	uint32_t map_pa = le32(mbi + MBI_MMAP_ADDR);
	uint32_t len = le32(mbi + MBI_MMAP_LENGTH);
	const uint8_t *map;
	uint32_t off, size = 0;

	if (!(flags & MBI_FLAG_MMAP))
		return reason("no memory map (flags 0x%x)", (unsigned)flags);
	map = view_at(mem, map_pa, len);
	if (!map)
		return reason("memory map at 0x%x lies outside memory",
			    (unsigned)map_pa);
	note_bootdata(out, map_pa, len);
	/* check_mmap_entry() ensures 4 + size <= len - off: no overflow. */
	for (off = 0; off < len; off += 4 + size) {
		const char *why = check_mmap_entry(map, map_pa, len, off, &size);

		if (why)
			return why;
		add_mmap_entry(out, map + off);
	}
	if (out->nram == 0)
		return "memory map has no available RAM";
	return NULL;
}

/* "overlaps module j", in storage that outlives the parse. */
static const char *overlap_text(unsigned j)
{
	static char text[BOOT_MAX_MODULES][sizeof("overlaps module 99")];

	sformat(text[j], sizeof(text[j]), "overlaps module %u", j);
	return text[j];
}

static struct mem_range module_range(const struct boot_module *m)
{
	return (struct mem_range){ m->start, m->end };
}

static const char *range_problem(const struct phys_view *mem,
				 const struct boot_module *m,
				 struct mem_range image)
{
	if (m->end == m->start)
		return "empty module";
	if (m->end < m->start)
		return "ends before it starts";
	if (!view_at(mem, m->start, m->end - m->start))
		return "lies outside memory";
	if (memmap_overlaps(module_range(m), image))
		return "overlaps Warden's image";
	return NULL;
}

static const char *string_problem(enum string_status status)
{
	switch (status) {
	case STRING_TOO_LONG:
		return "command line too long";
	case STRING_UNTERMINATED:
		return "command line not terminated";
	default:
		return NULL;
	}
}

/*
 * Module i against the earlier modules that are usable.  Of two overlapping
 * modules the first keeps its memory, so the later one is the one refused.
 */
static const char *overlap_problem(const struct boot_info *out, unsigned i)
{
	unsigned j;

	for (j = 0; j < i; j++)
		if (!out->modules[j].problem &&
		    memmap_overlaps(module_range(&out->modules[j]),
				    module_range(&out->modules[i])))
			return overlap_text(j);
	return NULL;
}

/* Module i from its list entry e; its first problem, if any, is recorded. */
static void read_module(const struct phys_view *mem, const uint8_t *e,
			struct mem_range image, struct boot_info *out,
			unsigned i)
{
	struct boot_module *m = &out->modules[i];
	enum string_status status;

	m->start = le32(e + MOD_START);
	m->end = le32(e + MOD_END);
	status = read_string(mem, le32(e + MOD_STRING), m->cmdline,
			     sizeof(m->cmdline), out);
	m->problem = range_problem(mem, m, image);
	if (!m->problem)
		m->problem = string_problem(status);
	if (!m->problem)
		m->problem = overlap_problem(out, i);
}

static const char *parse_modules(const struct phys_view *mem,
				 const uint8_t *mbi, struct mem_range image,
				 struct boot_info *out)
{
	uint32_t count = le32(mbi + MBI_MODS_COUNT);
	uint32_t list_pa = le32(mbi + MBI_MODS_ADDR);
	uint64_t list_len = (uint64_t)count * MOD_ENTRY_SIZE;
	const uint8_t *list;
	unsigned i;

	if (!(le32(mbi + MBI_FLAGS) & MBI_FLAG_MODS) || count == 0)
		return NULL;
	list = view_at(mem, list_pa, list_len);
	if (!list)
		return reason("module list at 0x%x lies outside memory",
			    (unsigned)list_pa);
	note_bootdata(out, list_pa, list_len);
	out->nmodules = count < BOOT_MAX_MODULES ? count : BOOT_MAX_MODULES;
	out->modules_ignored = count - out->nmodules;
	for (i = 0; i < out->nmodules; i++)
		read_module(mem, list + i * MOD_ENTRY_SIZE, image, out, i);
	return NULL;
}

const char *multiboot_parse(const struct phys_view *mem, uint32_t magic,
			    uint32_t mbi_pa, struct mem_range image,
			    struct boot_info *out)
{
	const uint8_t *mbi = view_at(mem, mbi_pa, MBI_SIZE);
	const char *why;

	memset(out, 0, sizeof(*out));
	if (magic != MULTIBOOT_BOOTLOADER_MAGIC)
		return reason("not started by a multiboot loader (magic 0x%x)",
			    (unsigned)magic);
	if (!mbi)
		return reason("multiboot information at 0x%x lies outside memory",
			    (unsigned)mbi_pa);
	note_bootdata(out, mbi_pa, MBI_SIZE);
	read_own_strings(mem, mbi, out);
	why = parse_mmap(mem, mbi, out);
	if (!why)
		why = parse_modules(mem, mbi, image, out);
	return why;
}
