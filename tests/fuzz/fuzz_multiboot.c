/*
 * fuzz_multiboot.c - multiboot_parse() on arbitrary machine memory.
 *
 * The input bytes are the whole of machine memory; its first 4 bytes
 * (little-endian) give the address of the information structure, so the
 * fuzzer can point it anywhere, including past the end.  AddressSanitizer
 * catches any read outside the input; on success we also check what the
 * parser promises: counts within bounds, strings terminated inside their
 * arrays, boot data inside memory, and every usable module inside memory,
 * clear of Warden's image and of every other usable module.
 */
#include <stddef.h>
#include <stdint.h>

#include "boot/multiboot.h"

static struct boot_info info;

static void require(int ok)
{
	if (!ok)
		__builtin_trap();
}

static void check_string(const char *s, size_t cap)
{
	size_t i = 0;

	while (i < cap && s[i])
		i++;
	require(i < cap);
}

static void check_modules(const struct phys_view *mem, struct mem_range image)
{
	unsigned i, j;

	for (i = 0; i < info.nmodules; i++) {
		const struct boot_module *m = &info.modules[i];
		struct mem_range r = { m->start, m->end };

		check_string(m->cmdline, sizeof(m->cmdline));
		if (m->problem)
			continue;
		require(m->start < m->end && m->end <= mem->size);
		require(!memmap_overlaps(r, image));
		for (j = 0; j < i; j++) {
			const struct boot_module *o = &info.modules[j];
			struct mem_range q = { o->start, o->end };

			require(o->problem || !memmap_overlaps(r, q));
		}
	}
}

static void check_info(const struct phys_view *mem, struct mem_range image)
{
	unsigned i;

	require(info.nram >= 1 && info.nram <= BOOT_MAX_RANGES);
	require(info.nfirmware <= BOOT_MAX_RANGES);
	require(info.nmodules <= BOOT_MAX_MODULES);
	require(info.nbootdata >= 1 && info.nbootdata <= BOOT_MAX_BOOTDATA);
	for (i = 0; i < info.nram; i++)
		require(info.ram[i].start < info.ram[i].end);
	for (i = 0; i < info.nbootdata; i++)
		require(info.bootdata[i].start < info.bootdata[i].end &&
			info.bootdata[i].end <= mem->size);
	check_string(info.cmdline, sizeof(info.cmdline));
	check_string(info.loader, sizeof(info.loader));
	check_modules(mem, image);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct phys_view mem = { data, size };
	struct mem_range image = { 0x100000, 0x200000 };
	uint32_t mbi_pa;

	if (size < 4)
		return 0;
	mbi_pa = (uint32_t)data[0] | (uint32_t)data[1] << 8 |
		 (uint32_t)data[2] << 16 | (uint32_t)data[3] << 24;
	if (!multiboot_parse(&mem, MULTIBOOT_BOOTLOADER_MAGIC, mbi_pa, image,
			     &info))
		check_info(&mem, image);
	return 0;
}
