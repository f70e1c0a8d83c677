/*
 * elf_check.c - the checks a guest kernel image passes before it is loaded.
 *
 * A multiboot module is just bytes: whoever built the boot image may have
 * handed Warden a 64-bit kernel, a PIE, a truncated file or something made
 * to break it.  So the loader never interprets the image itself.  This file
 * checks it once, up front, and hands the loader a summary (struct elf_info)
 * in which every number has been checked:
 *
 *   - the file header says ELF32, little-endian, version 1, an executable
 *     (not a relocatable object or a PIE), for i386;
 *   - the program header table, and the file bytes of every segment it
 *     describes, lie inside the image;
 *   - no segment has more file bytes than memory bytes, or reaches 4 GiB;
 *   - there are between 1 and ELF_MAX_SEGMENTS loadable segments, and no
 *     two of them claim the same virtual memory;
 *   - the entry point is inside a loadable segment.
 *
 * The checks run in that order and stop at the first failure, whose reason
 * becomes one console line.  Each check may rely on the ones before it: the
 * program headers are only read once the table is known to be inside the
 * image, and sums like vaddr + memsz are only formed once known not to wrap.
 * Offsets and sizes are compared as "off > size || len > size - off", which
 * cannot overflow, never as "off + len > size", which can.
 *
 * Headers are copied out with memcpy rather than read through a cast
 * pointer: a module can sit at any alignment, and a copy cannot change
 * under us while we check it.
 */
#include <stdarg.h>
#include <stdbool.h>

#include "core/elf_check.h"
#include "core/elf.h"
#include "lib/format.h"
#include "lib/reason.h"
#include "lib/string.h"

/* The image being checked, with its file header already copied out. */
struct image {
	const uint8_t *bytes;
	size_t size;
	struct elf32_ehdr eh;
};

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* Names for the numbers people most often get wrong, for readable reasons. */
struct name {
	unsigned number;
	const char *name;
};

static const struct name types[] = {
	{ ELF_ET_NONE, "none" },
	{ ELF_ET_REL, "relocatable object" },
	{ ELF_ET_EXEC, "executable" },
	{ ELF_ET_DYN, "shared object or PIE" },
	{ ELF_ET_CORE, "core dump" },
};

static const struct name machines[] = {
	{ ELF_EM_386, "i386" },
	{ 40, "ARM" },
	{ ELF_EM_X86_64, "x86-64" },
	{ 183, "AArch64" },
	{ 243, "RISC-V" },
};

static const char *name_of(const struct name *table, size_t n, unsigned number)
{
	for (size_t i = 0; i < n; i++)
		if (table[i].number == number)
			return table[i].name;
	return "unknown";
}

/* e_ident: the bytes that say how to read the rest of the file. */
static const char *check_ident(const struct elf32_ehdr *eh)
{
	const uint8_t *id = eh->e_ident;

	if (memcmp(id, ELF_MAGIC, ELF_MAGIC_LEN) != 0)
		return "not an ELF file (bad magic)";
	if (id[ELF_EI_CLASS] == ELF_CLASS64)
		return "ELF64, expected ELF32";
	if (id[ELF_EI_CLASS] != ELF_CLASS32)
		return reason("ELF class %u, expected 1 (ELF32)", id[ELF_EI_CLASS]);
	if (id[ELF_EI_DATA] == ELF_DATA2MSB)
		return "big-endian, expected little-endian";
	if (id[ELF_EI_DATA] != ELF_DATA2LSB)
		return reason("data encoding %u, expected 1 (little-endian)",
			      id[ELF_EI_DATA]);
	if (id[ELF_EI_VERSION] != ELF_EV_CURRENT)
		return reason("ELF version %u in e_ident, expected 1",
			      id[ELF_EI_VERSION]);
	return NULL;
}

/* The rest of the file header: what kind of file, for which CPU. */
static const char *check_header(const struct elf32_ehdr *eh)
{
	if (eh->e_version != ELF_EV_CURRENT)
		return reason("ELF version %u, expected 1", eh->e_version);
	if (eh->e_type != ELF_ET_EXEC)
		return reason("type %u (%s), expected 2 (executable)", eh->e_type,
			      name_of(types, ARRAY_SIZE(types), eh->e_type));
	if (eh->e_machine != ELF_EM_386)
		return reason("machine %u (%s), expected 3 (i386)", eh->e_machine,
			      name_of(machines, ARRAY_SIZE(machines), eh->e_machine));
	return NULL;
}

/* The program header table must be made of our kind of entry, and fit. */
static const char *check_phdr_table(const struct image *img)
{
	const struct elf32_ehdr *eh = &img->eh;
	/* At most 65535 * 32 bytes: cannot overflow even a 32-bit size_t. */
	size_t table_size = (size_t)eh->e_phnum * sizeof(struct elf32_phdr);

	if (eh->e_phentsize != sizeof(struct elf32_phdr))
		return reason("program header size %u, expected %u",
			      eh->e_phentsize, (unsigned)sizeof(struct elf32_phdr));
	if (eh->e_phnum == 0)
		return "no program headers";
	if (eh->e_phoff > img->size || table_size > img->size - eh->e_phoff)
		return reason("program header table (%u entries at offset 0x%x) "
			      "ends past the end of the file",
			      eh->e_phnum, eh->e_phoff);
	return NULL;
}

/* Only called for i < e_phnum, after check_phdr_table. */
static struct elf32_phdr read_phdr(const struct image *img, unsigned i)
{
	struct elf32_phdr ph;

	memcpy(&ph, img->bytes + img->eh.e_phoff + i * sizeof(ph), sizeof(ph));
	return ph;
}

/* What every program header must satisfy, loadable or not. */
static const char *check_segment(const struct elf32_phdr *ph, unsigned i,
				 size_t size)
{
	if (ph->p_offset > size || ph->p_filesz > size - ph->p_offset)
		return reason("segment %u (offset 0x%x, filesz 0x%x) ends past "
			      "the end of the file", i, ph->p_offset, ph->p_filesz);
	if (ph->p_filesz > ph->p_memsz)
		return reason("segment %u has filesz 0x%x larger than memsz 0x%x",
			      i, ph->p_filesz, ph->p_memsz);
	/*
	 * The end, vaddr + memsz, must fit in 32 bits, so ending exactly at
	 * 4 GiB is refused too: elf_info keeps ends as exclusive uint32_t.
	 */
	if (ph->p_memsz > UINT32_MAX - ph->p_vaddr)
		return reason("segment %u (vaddr 0x%x, memsz 0x%x) does not end "
			      "below 4 GiB", i, ph->p_vaddr, ph->p_memsz);
	return NULL;
}

/* Add a checked PT_LOAD header to the summary and widen its bounds. */
static void record(struct elf_info *info, const struct elf32_phdr *ph)
{
	struct elf_segment *s = &info->segments[info->nsegments++];

	s->offset = ph->p_offset;
	s->filesz = ph->p_filesz;
	s->vaddr = ph->p_vaddr;
	s->memsz = ph->p_memsz;
	s->flags = ph->p_flags;
	if (ph->p_memsz == 0)
		return;		/* occupies no memory, so does not widen it */
	if (ph->p_vaddr < info->vaddr_lo)
		info->vaddr_lo = ph->p_vaddr;
	if (ph->p_vaddr + ph->p_memsz > info->vaddr_hi)
		info->vaddr_hi = ph->p_vaddr + ph->p_memsz;
}

/* Check every program header, keeping the loadable ones. */
static const char *scan_phdrs(const struct image *img, struct elf_info *info)
{
	unsigned loads = 0;

	for (unsigned i = 0; i < img->eh.e_phnum; i++) {
		struct elf32_phdr ph = read_phdr(img, i);
		const char *why = check_segment(&ph, i, img->size);

		if (why)
			return why;
		if (ph.p_type != ELF_PT_LOAD)
			continue;
		if (loads < ELF_MAX_SEGMENTS)
			record(info, &ph);
		loads++;
	}
	if (loads == 0)
		return "no loadable segment";
	if (loads > ELF_MAX_SEGMENTS)
		return reason("%u loadable segments, at most %u supported",
			      loads, ELF_MAX_SEGMENTS);
	return NULL;
}

/* An empty segment occupies nothing, so it overlaps nothing. */
static bool overlap(const struct elf_segment *a, const struct elf_segment *b)
{
	return a->memsz != 0 && b->memsz != 0 &&
	       a->vaddr < b->vaddr + b->memsz && b->vaddr < a->vaddr + a->memsz;
}

/*
 * Two segments claiming the same byte would have the loader write it twice,
 * and what the guest finds there would depend on the order of the copies.
 */
static const char *check_overlap(const struct elf_info *info)
{
	for (unsigned i = 0; i < info->nsegments; i++) {
		for (unsigned j = i + 1; j < info->nsegments; j++) {
			const struct elf_segment *a = &info->segments[i];
			const struct elf_segment *b = &info->segments[j];

			if (overlap(a, b))
				return reason("loadable segments %u and %u "
					      "overlap at 0x%x", i, j,
					      a->vaddr > b->vaddr ? a->vaddr : b->vaddr);
		}
	}
	return NULL;
}

/* The guest's first instruction must be somewhere the loader puts bytes. */
static const char *check_entry(const struct elf_info *info)
{
	for (unsigned i = 0; i < info->nsegments; i++) {
		const struct elf_segment *s = &info->segments[i];

		if (info->entry >= s->vaddr && info->entry - s->vaddr < s->memsz)
			return NULL;
	}
	return reason("entry point 0x%x is outside every loadable segment",
		      info->entry);
}

const char *elf_check(const void *image, size_t size, struct elf_info *info)
{
	struct image img = { .bytes = image, .size = size };
	const char *why;

	if (size < sizeof(img.eh))
		return reason("file is %u bytes, shorter than an ELF header (%u)",
			      (unsigned)size, (unsigned)sizeof(img.eh));
	memcpy(&img.eh, image, sizeof(img.eh));
	memset(info, 0, sizeof(*info));
	info->entry = img.eh.e_entry;
	info->vaddr_lo = UINT32_MAX;	/* the first segment lowers it */
	/* In order, each relying on the ones before; the first failure wins. */
	if ((why = check_ident(&img.eh)) ||
	    (why = check_header(&img.eh)) ||
	    (why = check_phdr_table(&img)) ||
	    (why = scan_phdrs(&img, info)) ||
	    (why = check_overlap(info)) ||
	    (why = check_entry(info)))
		return why;
	return NULL;
}
