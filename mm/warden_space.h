/*
 * warden_space.h - Warden's own address space.
 */
#ifndef MM_WARDEN_SPACE_H
#define MM_WARDEN_SPACE_H

#include <stdint.h>

/*
 * Build Warden's page tables (memlayout.h) with the right rights for each
 * part of the image, a direct map of RAM up to ram_top (at most 1 GiB) and
 * an empty page of map slots, and switch to them.  Needs the frame
 * allocator and NX enabled.  Returns the new CR3.
 */
uint32_t warden_space_init(uint64_t ram_top);

/* Make the trap-stack page, in Warden's space, the running vCPU's. */
void warden_space_map_trap_page(uint32_t mfn);

#endif
