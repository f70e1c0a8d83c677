/*
 * mem.c - processes' memory (mem.h).
 *
 * Every page a process maps is user-accessible and never executable; its
 * code runs from the image's .user.text.  Sharing takes a second
 * reference to the frame.  Copy-on-write marks both entries read-only
 * with PTE_COW, an available bit: the CPU ignores it, the kernel reads it
 * on the write fault that follows, and only then copies -- or, if the
 * writer holds the last reference, just makes its entry writable again.
 *
 * The accessed (A) and dirty (D) bits are the CPU's: it sets A in an entry
 * it uses and D in one it writes through, and the kernel only reads and
 * clears them (pteflags), as a kernel's page reclaim does.  A fresh entry
 * starts with neither, so what a program sees there is what it did: on
 * Warden, that holds only if Warden keeps them exact in our entries.
 */
#include "guest/kernel/mem.h"
#include "guest/kernel/abi.h"
#include "guest/kernel/frame.h"
#include "guest/kernel/memlayout.h"
#include "lib/string.h"

#define PTE_COW		(1ull << 9)
#define USER_PAGE	(PTE_P | PTE_US | PTE_NX)
#define PTEFLAGS_BITS	(PTE_P | PTE_RW | PTE_US | PTE_A | PTE_D | PTE_COW)

/* pages whole pages from va, all below USER_TOP and none below USER_BASE. */
static bool user_pages(uint32_t va, uint32_t pages)
{
	return (va & (PAGE_SIZE - 1)) == 0 && va >= USER_BASE && va < USER_TOP &&
	       pages > 0 && pages <= (USER_TOP - va) / PAGE_SIZE;
}

static int32_t map_one(struct vm *vm, uint32_t va, uint64_t rights)
{
	volatile pte_t *e = vm_pte(vm, va, true);
	uint32_t pfn;

	if (!e)
		return -ENOMEM;
	if (*e & PTE_P)
		return -EEXIST;
	pfn = frame_alloc();
	if (!pfn)
		return -ENOMEM;
	vm_set(vm, va, e, pte_make(pfn, rights));
	return 0;
}

/* All or nothing: a page that cannot be mapped undoes the ones before. */
int32_t mem_map(struct vm *vm, uint32_t va, uint32_t pages, uint32_t flags)
{
	uint64_t rights = USER_PAGE | (flags & MAP_WRITE ? PTE_RW : 0);
	int32_t rc;

	if (!user_pages(va, pages) || (flags & ~MAP_WRITE))
		return -EINVAL;
	for (uint32_t i = 0; i < pages; i++) {
		rc = map_one(vm, va + i * PAGE_SIZE, rights);
		if (rc) {
			if (i)
				mem_unmap(vm, va, i);
			return rc;
		}
	}
	return 0;
}

int32_t mem_unmap(struct vm *vm, uint32_t va, uint32_t pages)
{
	volatile pte_t *e;

	if (!user_pages(va, pages))
		return -EINVAL;
	for (uint32_t i = 0; i < pages; i++, va += PAGE_SIZE) {
		e = vm_pte(vm, va, false);
		if (!e || !(*e & PTE_P))
			continue;
		frame_put(pte_pfn(*e));
		vm_set(vm, va, e, 0);
	}
	return 0;
}

/* The rights of src and dst after sharing: a writable alias needs a
 * writable source that is not copy-on-write already; copy-on-write takes
 * the write right from a writable source (a read-only one simply stays
 * read-only at both addresses).  0 if the sharing is refused. */
static uint64_t shared_rights(pte_t src, uint32_t flags)
{
	if (flags == SHARE_WRITE)
		return (src & PTE_RW) ? USER_PAGE | PTE_RW : 0;
	if (flags == SHARE_COW)
		return USER_PAGE | ((src & (PTE_RW | PTE_COW)) ? PTE_COW : 0);
	return 0;
}

int32_t mem_share(struct vm *vm, uint32_t dst, uint32_t src, uint32_t flags)
{
	volatile pte_t *s, *d;
	uint64_t rights;

	if (!user_pages(dst, 1) || !user_pages(src, 1))
		return -EINVAL;
	s = vm_pte(vm, src, false);
	if (!s || !(*s & PTE_P))
		return -EFAULT;
	rights = shared_rights(*s, flags);
	if (!rights)
		return -EINVAL;
	d = vm_pte(vm, dst, true);
	if (!d)
		return -ENOMEM;
	if (*d & PTE_P)
		return -EEXIST;
	if (!frame_get(pte_pfn(*s)))
		return -ENOMEM;
	if (rights & PTE_COW)
		vm_set(vm, src, s, (*s & ~PTE_RW) | PTE_COW);
	vm_set(vm, dst, d, pte_make(pte_pfn(*s), rights));
	return 0;
}

int32_t mem_pteflags(struct vm *vm, uint32_t va, uint32_t flags)
{
	volatile pte_t *e;
	pte_t v;

	if (!user_pages(va, 1) || (flags & ~PTEFLAGS_CLEAR))
		return -EINVAL;
	e = vm_pte(vm, va, false);
	v = e ? *e : 0;
	if ((flags & PTEFLAGS_CLEAR) && (v & (PTE_A | PTE_D)))
		vm_set(vm, va, e, v & ~(PTE_A | PTE_D));
	return (int32_t)(v & PTEFLAGS_BITS);
}

/*
 * The retried write sets A and D itself, so the new entry need not: a
 * copy starts clean, an entry made writable in place keeps what it had.
 */
bool mem_cow_fault(struct vm *vm, uint32_t va, uint32_t ec)
{
	volatile pte_t *e = vm_pte(vm, va, false);
	pte_t old = e ? *e : 0;
	uint32_t copy;

	if (!(ec & PF_W) || !(old & PTE_P) || !(old & PTE_COW))
		return false;
	va &= ~(PAGE_SIZE - 1);
	if (frame_refs(pte_pfn(old)) == 1) {
		vm_set(vm, va, e, (old | PTE_RW) & ~PTE_COW);
		return true;
	}
	copy = frame_alloc();
	if (!copy)
		return false;
	memcpy(frame_kva(copy), frame_kva(pte_pfn(old)), PAGE_SIZE);
	frame_put(pte_pfn(old));
	vm_set(vm, va, e, pte_make(copy, USER_PAGE | PTE_RW));
	return true;
}
