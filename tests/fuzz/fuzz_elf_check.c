/*
 * fuzz_elf_check.c - elf_check on arbitrary bytes.
 *
 * libFuzzer hands over each input in a heap block of exactly its size, so
 * ASan reports any read outside the image.  When the checker accepts an
 * input, everything the loader will rely on is checked again here, the
 * plain way, and a violation traps: a file range outside the input, a
 * segment that wraps or overlaps another, bounds that miss a segment, or an
 * entry point outside every segment.  When it refuses, the reason must be a
 * non-empty string.
 */
#include <stddef.h>
#include <stdint.h>

#include "core/elf_check.h"

static void require(int cond)
{
	if (!cond)
		__builtin_trap();
}

static void check_segment(const struct elf_segment *s, const struct elf_info *info,
			  size_t size)
{
	uint64_t end = (uint64_t)s->vaddr + s->memsz;

	require((uint64_t)s->offset + s->filesz <= size);
	require(s->filesz <= s->memsz);
	require(end < (1ull << 32));
	if (s->memsz != 0)
		require(s->vaddr >= info->vaddr_lo && end <= info->vaddr_hi);
}

static int contains(const struct elf_segment *s, uint64_t addr)
{
	return addr >= s->vaddr && addr < (uint64_t)s->vaddr + s->memsz;
}

static void check_accepted(const struct elf_info *info, size_t size)
{
	int entry_found = 0;

	require(info->nsegments >= 1 && info->nsegments <= ELF_MAX_SEGMENTS);
	for (unsigned i = 0; i < info->nsegments; i++) {
		const struct elf_segment *a = &info->segments[i];

		check_segment(a, info, size);
		entry_found |= contains(a, info->entry);
		/* Two non-empty ranges overlap iff one contains the other's start. */
		for (unsigned j = i + 1; j < info->nsegments; j++) {
			const struct elf_segment *b = &info->segments[j];

			if (a->memsz && b->memsz)
				require(!contains(a, b->vaddr) && !contains(b, a->vaddr));
		}
	}
	require(entry_found);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct elf_info info;
	const char *why = elf_check(data, size, &info);

	if (why)
		require(why[0] != '\0');
	else
		check_accepted(&info, size);
	return 0;
}
