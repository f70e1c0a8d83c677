/*
 * vm.h - a process's page tables: made, walked, changed, switched to.
 *
 * Each process has its own PAE tables: an L3 of its own, L2s and L1s made
 * as its mappings need them for the low three gigabytes, and in L3 entry 3
 * the kernel's own L2, shared by all.  The kernel reads the tables through
 * its mapping of their frames and changes them only with
 * backend_set_pte(), so on Warden every change is a checked hypercall.
 */
#ifndef KERNEL_VM_H
#define KERNEL_VM_H

#include <stdbool.h>
#include <stdint.h>

#include "guest/lib/pt.h"

struct vm {
	volatile pte_t *l3;
};

/* An empty address space (the kernel's part only); false if out of frames. */
bool vm_create(struct vm *vm);

/* Give back every frame: mapped pages and tables.  Not while it is active. */
void vm_destroy(struct vm *vm);

/* Switch to vm's tables, or back to the kernel's own (vm_deactivate). */
void vm_activate(struct vm *vm);
void vm_deactivate(void);

/* The L1 entry for va (below USER_TOP), making the tables on the way if
 * alloc says so; NULL if they are not there (or no frame was left). */
volatile pte_t *vm_pte(struct vm *vm, uint32_t va, bool alloc);

/* Set the entry (from vm_pte) for va, and flush va if vm is active. */
void vm_set(struct vm *vm, uint32_t va, volatile pte_t *entry, pte_t val);

#endif
