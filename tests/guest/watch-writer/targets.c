/*
 * targets.c - the writer's targets (targets.h).
 *
 * The spare virtual pages at the end of the first 2 MiB of the bootstrap
 * region (mapped, but past everything our image and the builder use) are
 * where aliases and windows go: their L1 entries exist, so
 * update_va_mapping can point them anywhere.
 */
#include "tests/guest/watch-writer/targets.h"
#include "guest/lib/backend.h"
#include "guest/lib/extable.h"
#include "guest/lib/hypercall.h"
#include "guest/lib/pt.h"
#include "guest/lib/test.h"
#include "guest/lib/watch_calls.h"
#include "guest/lib/x86.h"
#include "include/public/errno.h"
#include "include/public/version.h"

#define TWO_MIB		0x200000u
#define SPARE(n)	(VIRT_BASE + TWO_MIB - (n) * PAGE_SIZE)
#define ALIAS_BEFORE	SPARE(3)	/* mapped before the watch */
#define ALIAS_AFTER	SPARE(4)	/* mapped after it */
#define PTE_WINDOW	SPARE(5)	/* its L1 entry is watched */
#define TABLE_WINDOW	SPARE(6)	/* its L1 entry is not */

#define WORD		16		/* page[WORD]: bytes 64 to 67 */
#define INITIAL		0x01d01d01u
#define VALUE_BASE	0x50000000u
#define MARK_A		0xaaaa0001u
#define MARK_B		0xbbbb0002u
#define FLAGS		(PTE_P | PTE_RW | PTE_A | PTE_D)

static volatile uint32_t page[PAGE_SIZE / 4] PAGE_ALIGNED;
static uint32_t frame_a[PAGE_SIZE / 4] PAGE_ALIGNED = { MARK_A };
static uint32_t frame_b[PAGE_SIZE / 4] PAGE_ALIGNED = { MARK_B };

/* One `mov` of v to *p; 0, or the exinfo of its fault. */
static uint32_t store32(volatile uint32_t *p, uint32_t v)
{
	uint32_t exinfo = 0;

	__asm__ volatile("1: movl %[v], (%[p])\n2:\n" EXTABLE(1b, 2b)
			 : "+a"(exinfo) : [v] "r"(v), [p] "r"(p) : "memory");
	return exinfo;
}

static uint32_t store8(volatile uint8_t *p, uint8_t v)
{
	uint32_t exinfo = 0;

	__asm__ volatile("1: movb %[v], (%[p])\n2:\n" EXTABLE(1b, 2b)
			 : "+a"(exinfo) : [v] "q"(v), [p] "r"(p) : "memory");
	return exinfo;
}

static struct result classify(volatile uint32_t *p, uint32_t exinfo,
			      uint32_t old, uint32_t wrote, uint32_t now)
{
	struct result r = { CHANGED_OTHER, wrote, now };

	if (exinfo) {
		if (exinfo != EXINFO_PF(PF_P | PF_W) || rcr2() != (uintptr_t)p || now != old)
			test_fatal("write of 0x%x to 0x%x: fault 0x%x, cr2 0x%x, now 0x%x",
				   wrote, (uint32_t)(uintptr_t)p, exinfo, rcr2(), now);
		r.outcome = FAULTED;
	} else if (now == wrote) {
		r.outcome = LANDED;
	} else if (now == old) {
		r.outcome = UNCHANGED;
	}
	return r;
}

/* Write through `through`, read back through page[WORD]. */
static struct result write_word(volatile uint32_t *through, uint32_t v)
{
	uint32_t old = page[WORD], exinfo = store32(through, v);

	return classify(through, exinfo, old, v, page[WORD]);
}

static void watch(const volatile void *p, uint32_t len)
{
	long id = watch_call_add_self(p, len);

	if (id <= 0)
		test_fatal("cannot watch 0x%x: %ld", (uint32_t)(uintptr_t)p, id);
}

static void map(uint32_t va, const volatile void *frame)
{
	long rc = pt_map(va, virt_to_pfn(frame), FLAGS);

	if (rc)
		test_fatal("cannot map 0x%x: %ld", va, rc);
}

static void var_setup(void)
{
	page[WORD] = INITIAL;
	watch(&page[WORD], 4);
}

static struct result var_write(unsigned i)
{
	return write_word(&page[WORD], VALUE_BASE + i + 1);
}

const struct target target_var = { "var", var_setup, var_write };

static void alias_setup(void)
{
	map(ALIAS_BEFORE, page);
	((volatile uint32_t *)ALIAS_BEFORE)[WORD] = 0;	/* a writable shadow entry */
	var_setup();
	map(ALIAS_AFTER, page);
}

static struct result alias_write(unsigned i)
{
	volatile uint32_t *via[] = { &page[WORD], &((volatile uint32_t *)ALIAS_BEFORE)[WORD],
				     &((volatile uint32_t *)ALIAS_AFTER)[WORD] };

	return write_word(via[i % 3], VALUE_BASE + i + 1);
}

const struct target target_alias = { "alias", alias_setup, alias_write };

/* What the window at va shows: MARK_A or MARK_B. */
static uint32_t window(uint32_t va)
{
	return *(volatile uint32_t *)va;
}

/* Point va, whose L1 entry is e, at the other frame with one `mov` to the
 * entry's low half.  The window must show what the entry says. */
static struct result remap(uint32_t va, volatile pte_t *e)
{
	volatile uint32_t *low = (volatile uint32_t *)e;
	const uint32_t *to = window(va) == MARK_A ? frame_b : frame_a;
	uint32_t old = *low, wrote = (old & (PAGE_SIZE - 1)) | virt_to_pfn(to) << PAGE_SHIFT;
	uint32_t exinfo = store32(low, wrote);
	struct result r;

	backend_flush_page(va);
	r = classify(low, exinfo, old, wrote, *low);
	if (window(va) != (pte_pfn(*e) == virt_to_pfn(frame_a) ? MARK_A : MARK_B))
		test_fail("entry 0x%llx, yet the window shows 0x%x",
			  (unsigned long long)*e, window(va));
	return r;
}

static volatile pte_t *pte_entry;

static void pte_setup(void)
{
	map(PTE_WINDOW, frame_a);
	pte_entry = pt_l1e(PTE_WINDOW);
	if (!pte_entry || window(PTE_WINDOW) != MARK_A)
		test_fatal("the window does not show frame a");
	watch(pte_entry, sizeof(*pte_entry));
}

static struct result pte_write(unsigned i)
{
	(void)i;
	return remap(PTE_WINDOW, pte_entry);
}

const struct target target_pte = { "pte", pte_setup, pte_write };

/* A store next to the range: it must land, without an event. */
static void near8(volatile uint8_t *p, uint8_t v)
{
	uint32_t exinfo = store8(p, v);

	if (exinfo || *p != v)
		test_fatal("near miss at 0x%x: fault 0x%x, 0x%x there instead of 0x%x",
			   (uint32_t)(uintptr_t)p, exinfo, *p, v);
}

static void near32(volatile uint32_t *p, uint32_t v)
{
	uint32_t exinfo = store32(p, v);

	if (exinfo || *p != v)
		test_fatal("near miss at 0x%x: fault 0x%x, 0x%x there instead of 0x%x",
			   (uint32_t)(uintptr_t)p, exinfo, *p, v);
}

void near_misses(unsigned rounds)
{
	volatile uint8_t *bytes = (volatile uint8_t *)page;

	for (unsigned i = 0; i < rounds; i++) {
		near8(&bytes[WORD * 4 - 1], (uint8_t)(i + 1));	/* the byte below */
		near8(&bytes[WORD * 4 + 4], (uint8_t)(i + 1));	/* the byte above */
		near32(&page[WORD - 1], VALUE_BASE + i);	/* ends at the start */
		near32(&page[WORD + 1], VALUE_BASE + i);	/* starts at the end */
	}
	if (rounds && page[WORD] != INITIAL)
		test_fail("near misses changed the watched word: 0x%x", page[WORD]);
}

void warden_writes(unsigned n)
{
	for (unsigned i = 0; i < n; i++) {
		test_eq("a hypercall result into the watched word",
			hc_xen_version(XENVER_extraversion, (void *)&page[WORD]), -XEN_EFAULT);
		if (page[WORD] != INITIAL)
			test_fail("Warden wrote the watched word: 0x%x", page[WORD]);
	}
}

void table_writes(unsigned n)
{
	volatile pte_t *e;

	map(TABLE_WINDOW, frame_a);
	e = pt_l1e(TABLE_WINDOW);
	for (unsigned i = 0; i < n; i++)
		if (remap(TABLE_WINDOW, e).outcome != LANDED)
			test_fatal("page-table write %u did not land", i);
}
