/*
 * module_check.c - the gate every would-be guest passes.
 *
 * Each multiboot module is meant to become a domain.  Before anything is
 * built from it, its bytes must be a sane ELF32 i386 executable
 * (core/elf_check.c says so or says why not).  A module that fails costs
 * one console line and is skipped; it never stops Warden.
 */
#include "core/module_check.h"
#include "core/console.h"
#include "core/elf_check.h"
#include "mm/directmap.h"

/* The module's bytes, or NULL (with *why) if Warden cannot see them. */
static const void *module_bytes(uint32_t start, uint32_t end, const char **why)
{
	if (!directmap_covers(start, end - start)) {
		*why = "lies above the direct map (1 GiB)";
		return 0;
	}
	return directmap(start);
}

bool module_check(unsigned index, const char *cmdline, uint32_t start,
		  uint32_t end, const char *problem)
{
	static struct elf_info info;
	const void *image = 0;

	printk("module %u: \"%s\" at 0x%08x-0x%08x (%u bytes)\n", index,
	       cmdline, start, end, end >= start ? end - start : 0);
	if (!problem)
		image = module_bytes(start, end, &problem);
	if (!problem)
		problem = elf_check(image, end - start, &info);
	if (problem) {
		printk("module %u: rejected: %s\n", index, problem);
		return false;
	}
	printk("module %u: ELF32 i386 executable, entry 0x%08x, %u loadable segment%s at 0x%08x-0x%08x\n",
	       index, info.entry, info.nsegments, info.nsegments == 1 ? "" : "s",
	       info.vaddr_lo, info.vaddr_hi);
	return true;
}
