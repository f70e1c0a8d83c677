/*
 * multiboot.h - what the boot loader tells Warden, read and checked.
 *
 * A Multiboot v1 loader (GRUB, QEMU's -kernel) starts Warden with a magic
 * number in eax and the physical address of an information structure in ebx.
 * That structure points elsewhere in memory: at command lines, a memory map
 * and a list of modules (Warden's guests).  multiboot_parse() follows every
 * pointer through a bounds-checked view of machine memory and copies what it
 * finds into a struct boot_info, so nothing after it touches the loader's data.
 */
#ifndef BOOT_MULTIBOOT_H
#define BOOT_MULTIBOOT_H

#include <stdint.h>

#include "mm/memmap.h"

#define MULTIBOOT_BOOTLOADER_MAGIC 0x2BADB002u

#define BOOT_MAX_MODULES 16
#define BOOT_MAX_RANGES 32
#define BOOT_STRING_MAX 1024
#define BOOT_MAX_BOOTDATA 8

/* Machine memory [0, size) is readable at base. */
struct phys_view {
	const uint8_t *base;
	uint64_t size;
};

struct boot_module {
	uint32_t start, end;		/* [start, end) physical */
	char cmdline[BOOT_STRING_MAX];	/* as the loader gave it (QEMU includes
					 * the file name, GRUB may not) */
	/*
	 * NULL if the module is usable; else why not: "empty module",
	 * "ends before it starts", "lies outside memory",
	 * "overlaps Warden's image", "overlaps module N" (an earlier usable
	 * one), "command line too long", "command line not terminated".
	 */
	const char *problem;
};

struct boot_info {
	char cmdline[BOOT_STRING_MAX];	/* Warden's own command line ("" if none) */
	char loader[64];		/* boot loader name ("" if none) */
	struct mem_range ram[BOOT_MAX_RANGES];	/* type-1 (available) entries */
	unsigned nram;
	struct mem_range firmware[BOOT_MAX_RANGES];	/* every other type */
	unsigned nfirmware;
	/*
	 * Where the information structure, its module list, memory map and
	 * strings lie: the frame allocator must not hand these out.  Touching
	 * or overlapping pieces share an entry; if there are still too many,
	 * the last entry grows to cover the rest (reserving a little too much
	 * is safe, too little is not).
	 */
	struct mem_range bootdata[BOOT_MAX_BOOTDATA];
	unsigned nbootdata;
	struct boot_module modules[BOOT_MAX_MODULES];
	unsigned nmodules;
	unsigned modules_ignored;	/* listed beyond BOOT_MAX_MODULES */
	unsigned ranges_ignored;	/* memory-map entries beyond the arrays */
};

/*
 * Fill *out from the multiboot information at mbi_pa.  image is the physical
 * range Warden's own image occupies (a module overlapping it gets a problem).
 *
 * Returns NULL on success, or why the information is unusable as a whole
 * (wrong magic, structure, memory map or module list outside memory, a
 * malformed memory-map entry, no available RAM); *out is then incomplete.
 * The message lives in a static buffer, valid until the next call.
 *
 * A bad module is not a failure: it gets its problem and parsing goes on.
 * Strings longer than the arrays are truncated (for a module that is the
 * problem "command line too long"); a string with no NUL before the end of
 * memory reads as "" (for a module, "command line not terminated").
 *
 * boot_info is large: pass static storage, not a local variable.
 */
const char *multiboot_parse(const struct phys_view *mem, uint32_t magic,
			    uint32_t mbi_pa, struct mem_range image,
			    struct boot_info *out);

#endif
