/*
 * elf_check.h - decide whether a multiboot module is a guest kernel Warden
 * can load, before a single byte of it is copied anywhere.
 *
 * The checker reads the image, never writes it, and refuses anything the
 * loader would have to think twice about.  What it accepts is summed up in
 * struct elf_info, and the loader works from that summary alone: every
 * segment's file range lies inside the image, no two segments overlap in
 * memory, no segment reaches 4 GiB, and the entry point is inside one of
 * them.
 */
#ifndef CORE_ELF_CHECK_H
#define CORE_ELF_CHECK_H

#include <stddef.h>
#include <stdint.h>

#define ELF_MAX_SEGMENTS 16

/* One PT_LOAD program header, with the fields the loader uses. */
struct elf_segment {
	uint32_t offset, filesz, vaddr, memsz, flags;
};

struct elf_info {
	uint32_t entry;
	unsigned nsegments;			/* PT_LOAD segments, in file order */
	struct elf_segment segments[ELF_MAX_SEGMENTS];
	uint32_t vaddr_lo, vaddr_hi;		/* lowest vaddr, highest vaddr+memsz
						   (exclusive) over PT_LOAD segments
						   with memsz > 0 */
};

/*
 * NULL if image[0..size) is an ELF32 little-endian i386 executable that
 * Warden can load, with *info filled in; otherwise a short lower-case reason
 * for a console line, such as "machine 62 (x86-64), expected 3 (i386)".
 * In reasons, "segment N" is program header N (as readelf numbers them) and
 * "loadable segments I and J" are info->segments[I] and [J].  The reason may
 * point into a static buffer that the next call overwrites.  info may be
 * written even on failure.
 */
const char *elf_check(const void *image, size_t size, struct elf_info *info);

#endif
