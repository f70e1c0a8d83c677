/*
 * boot_memory.h - from the loader's memory map to Warden's own memory.
 */
#ifndef BOOT_BOOT_MEMORY_H
#define BOOT_BOOT_MEMORY_H

#include "boot/multiboot.h"

/* Where Warden's image lies in machine memory (boot section included). */
struct mem_range boot_image_range(void);

/* Frame allocator, frame types, then Warden's own address space. */
void boot_memory_init(const struct boot_info *bi);

#endif
