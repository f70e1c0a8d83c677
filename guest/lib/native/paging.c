/*
 * paging.c - the native kernel's own page tables, and the page-table part
 * of backend.h: the instructions themselves (mov to CR3, invlpg, a 64-bit
 * store) where a PV kernel makes hypercalls.
 *
 * boot.S mapped the first 8 MiB writable and executable with 2 MiB pages;
 * here the image gets 4 KiB pages with the rights its sections ask for
 * (native.ld): kernel code and read-only data read-only, the .user.*
 * pages user-accessible, everything else writable and never executable.
 * Only the kernel's gigabyte (L3 entry 3) is mapped, so NULL and all of
 * the low 3 GiB are free for processes, as on Warden.  With CR0.WP set
 * (boot.S), read-only holds for the kernel too.
 *
 * NX needs EFER.NXE, which only a CPU with NX has: QEMU's qemu32 lacks it
 * unless given `-cpu qemu32,+nx` -- Warden requires the same.
 */
#include "guest/lib/backend.h"
#include "guest/lib/native/cpu.h"
#include "guest/lib/native/init.h"
#include "guest/lib/test.h"

#define KERNEL_L1S	4	/* the tables below map VIRT_BASE up to 8 MiB */
#define L1_SPAN		(512 * PAGE_SIZE)

extern char __image_start[], __user_start[], __user_data_start[], __user_end[], _end[];

static pte_t l3[512] PAGE_ALIGNED;	/* a whole page; PAE uses 4 entries */
static pte_t l2[512] PAGE_ALIGNED;
static pte_t l1[KERNEL_L1S][512] PAGE_ALIGNED;

static uint64_t rights(uintptr_t va)
{
	if (va < (uintptr_t)__user_start)
		return PTE_P;				/* kernel code */
	if (va < (uintptr_t)__user_data_start)
		return PTE_P | PTE_US;			/* user code */
	if (va < (uintptr_t)__user_end)
		return PTE_P | PTE_RW | PTE_US | PTE_NX;	/* user data */
	return PTE_P | PTE_RW | PTE_NX;			/* kernel data */
}

static void enable_nx(void)
{
	if (cpuid(CPUID_EXT_MAX).eax < CPUID_EXT_FEATURES ||
	    !(cpuid(CPUID_EXT_FEATURES).edx & CPUID_EXT_NX))
		test_fatal("native: this CPU has no NX (QEMU: -cpu qemu32,+nx)");
	wrmsr(MSR_EFER, rdmsr(MSR_EFER) | EFER_NXE);
}

void paging_init(void)
{
	uintptr_t va;

	enable_nx();
	if ((uintptr_t)_end - VIRT_BASE > KERNEL_L1S * L1_SPAN)
		test_fatal("native: the image ends past what paging.c maps");
	for (va = (uintptr_t)__image_start; va < (uintptr_t)_end; va += PAGE_SIZE)
		l1[(va - VIRT_BASE) / L1_SPAN][(va >> PAGE_SHIFT) & 511] =
			pte_make(virt_to_pfn((void *)va), rights(va));
	for (unsigned i = 0; i < KERNEL_L1S; i++)
		l2[i] = pte_make(virt_to_pfn(l1[i]), PTE_P | PTE_RW | PTE_US);
	l3[3] = pte_make(virt_to_pfn(l2), PTE_P);
	backend_load_base(l3);
}

/* cmpxchg8b: the CPU never sees half an entry (pt.h). */
void backend_set_pte(volatile pte_t *entry, pte_t val)
{
	pte_write_whole(entry, val);
}

void backend_load_base(const volatile pte_t *l3_table)
{
	lcr3((uint32_t)virt_to_maddr(l3_table));
}

void backend_flush_page(uint32_t va)
{
	invlpg((const void *)va);
}

const volatile pte_t *backend_kernel_base(void)
{
	return l3;
}
