/*
 * mem.h - what a process may do with its memory: map fresh pages, unmap
 * them, map one frame at two addresses (shared, or copy-on-write), and
 * read the accessed and dirty bits the CPU left in its entries.
 *
 * Every address and count comes from a program and is checked here; each
 * call returns 0 (or a result) or a negative error from abi.h.
 */
#ifndef KERNEL_MEM_H
#define KERNEL_MEM_H

#include <stdbool.h>
#include <stdint.h>

#include "guest/kernel/vm.h"

int32_t mem_map(struct vm *vm, uint32_t va, uint32_t pages, uint32_t flags);
int32_t mem_unmap(struct vm *vm, uint32_t va, uint32_t pages);
int32_t mem_share(struct vm *vm, uint32_t dst, uint32_t src, uint32_t flags);
int32_t mem_pteflags(struct vm *vm, uint32_t va, uint32_t flags);

/* A write fault at va (from ring 3, error code ec) on a copy-on-write
 * page: give the writer a page of its own.  False if it was not that, or
 * no frame was left. */
bool mem_cow_fault(struct vm *vm, uint32_t va, uint32_t ec);

#endif
