/*
 * vm.c - processes' page tables (vm.h).
 *
 * A PAE walk has three levels: L3 (4 entries of 1 GiB), L2 (512 of 2 MiB),
 * L1 (512 of 4 KiB).  The rights that matter are in the L1 entries, so an
 * L2 entry made here allows everything (P, RW, US) and an L3 entry has P
 * alone: a real CPU refuses any other flag in a PAE L3 entry.
 *
 * A CPU reads the four L3 entries only when CR3 is loaded, so an L2 table
 * added to the active address space takes effect only at the next load:
 * vm_pte() reloads it then.  (QEMU's TCG reads them at every walk and would
 * let a missing reload pass; Warden's shadows follow the CPU.)
 */
#include "guest/kernel/vm.h"
#include "guest/kernel/frame.h"
#include "guest/kernel/memlayout.h"
#include "guest/lib/backend.h"
#include "guest/lib/test.h"

#define KERNEL_SLOT	3		/* VIRT_BASE >> 30 */
#define L2_RIGHTS	(PTE_P | PTE_RW | PTE_US)

static struct vm *active;

bool vm_create(struct vm *vm)
{
	uint32_t pfn = frame_alloc();
	uint32_t kernel_l2 = pte_pfn(backend_kernel_base()[KERNEL_SLOT]);

	if (!pfn)
		return false;
	vm->l3 = frame_kva(pfn);
	backend_set_pte(&vm->l3[KERNEL_SLOT], pte_make(kernel_l2, PTE_P));
	return true;
}

static void free_l1(volatile pte_t *l1)
{
	for (unsigned i = 0; i < 512; i++)
		if (l1[i] & PTE_P)
			frame_put(pte_pfn(l1[i]));
	frame_put(virt_to_pfn(l1));
}

static void free_l2(volatile pte_t *l2)
{
	for (unsigned i = 0; i < 512; i++)
		if (l2[i] & PTE_P)
			free_l1(frame_kva(pte_pfn(l2[i])));
	frame_put(virt_to_pfn(l2));
}

void vm_destroy(struct vm *vm)
{
	if (vm == active)
		test_fatal("vm_destroy: the address space is still in use");
	for (unsigned slot = 0; slot < KERNEL_SLOT; slot++)
		if (vm->l3[slot] & PTE_P)
			free_l2(frame_kva(pte_pfn(vm->l3[slot])));
	frame_put(virt_to_pfn(vm->l3));
	vm->l3 = 0;
}

void vm_activate(struct vm *vm)
{
	active = vm;
	backend_load_base(vm->l3);
}

void vm_deactivate(void)
{
	active = 0;
	backend_load_base(backend_kernel_base());
}

/* The table *entry names; a new one if there is none and alloc says so. */
static volatile pte_t *table(volatile pte_t *entry, bool alloc, uint64_t rights)
{
	uint32_t pfn;

	if (*entry & PTE_P)
		return frame_kva(pte_pfn(*entry));
	if (!alloc || !(pfn = frame_alloc()))
		return 0;
	backend_set_pte(entry, pte_make(pfn, rights));
	return frame_kva(pfn);
}

volatile pte_t *vm_pte(struct vm *vm, uint32_t va, bool alloc)
{
	volatile pte_t *l3e, *l2, *l1;
	bool had_l2;

	if (va >= USER_TOP)		/* the kernel's L2 is shared: never here */
		return 0;
	l3e = &vm->l3[va >> 30];
	had_l2 = *l3e & PTE_P;
	l2 = table(l3e, alloc, PTE_P);
	if (!l2)
		return 0;
	if (!had_l2 && vm == active)
		backend_load_base(vm->l3);
	l1 = table(&l2[(va >> 21) & 511], alloc, L2_RIGHTS);
	return l1 ? &l1[(va >> PAGE_SHIFT) & 511] : 0;
}

void vm_set(struct vm *vm, uint32_t va, volatile pte_t *entry, pte_t val)
{
	backend_set_pte(entry, val);
	if (vm == active)
		backend_flush_page(va);
}
