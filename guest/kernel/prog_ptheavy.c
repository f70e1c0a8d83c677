/*
 * prog_ptheavy.c - the page-table workload: a program that does to its
 * page tables what real programs do, and checks what it sees.
 *
 * ptheavy maps and touches pages in patterns and reads back the accessed
 * (A) and dirty (D) bits the CPU set: written pages A and D, read pages A
 * only, untouched pages neither.  It clears them and looks again (what a
 * kernel's page reclaim and dirty tracking do), unmaps and remaps, maps
 * across L1 and L2 boundaries, shares frames copy-on-write (both orders of
 * breaking the share) and writable (D is per address, not per frame),
 * maps pages each needing an L1 of its own, and starts three ptchild
 * processes that map, write and unmap at one address, each in its own
 * address space.  Every observation feeds a checksum, which it exits
 * with; the kernel prints it.  The checksum holds nothing that depends on
 * where the kernel put things (frame numbers, kernel addresses), so a
 * native run and a run on Warden must give the same one.
 *
 * Shows: that what a program sees of its memory and its A and D bits is
 * what x86 paging defines.  Cannot show: A and D bits set by the CPU's
 * own prefetching (TCG does none), or 2 MiB pages (programs get 4 KiB
 * pages only).
 */
#include "guest/kernel/memlayout.h"
#include "guest/kernel/ulib.h"

#define REGION		0x10000000u	/* 16 pages, the main area */
#define NPAGES		16
#define ACROSS_L1	0x101fe000u	/* 4 pages over the 2 MiB line at 0x10200000 */
#define ACROSS_L2	0x3fffe000u	/* 4 pages over the 1 GiB line: two L2s */
#define HIGH		0x90000000u	/* under a third L2 */
#define ALIAS		0x20000000u	/* second addresses of shared frames */
#define SPREAD		0x30000000u	/* 8 pages, 2 MiB apart: an L1 each */
#define SPREAD_STEP	0x200000u
#define CHILD_BASE	0x50000000u

#define BASE		(PTEF_P | PTEF_RW | PTEF_US)
#define READ		(BASE | PTEF_A)
#define WRITTEN		(BASE | PTEF_A | PTEF_D)
#define COW		(PTEF_P | PTEF_US | PTEF_COW)

static __user_data char t_map[] = "map";
static __user_data char t_flags[] = "flags";
static __user_data char t_cleared[] = "flags before the clear";
static __user_data char t_word[] = "word";
static __user_data char t_share[] = "share";
static __user_data char t_spawn[] = "spawn";

static __user_fn volatile uint32_t *at(uint32_t va)
{
	return (volatile uint32_t *)va;
}

static __user_fn void fill(uint32_t va, uint32_t seed)
{
	for (uint32_t i = 0; i < UPAGE / 4; i++)
		at(va)[i] = seed ^ (i * 2654435761u);
}

static __user_fn uint32_t read_page(uint32_t va)
{
	uint32_t sum = 0;

	for (uint32_t i = 0; i < UPAGE / 4; i++)
		sum += at(va)[i];
	return sum;
}

/* Check va's flags (clearing A and D after, if asked); add them to h. */
static __user_fn uint32_t flags(uint32_t h, uint32_t va, uint32_t want, uint32_t clear)
{
	uint32_t got = (uint32_t)sys_pteflags(va, clear);

	uexpect_at(clear ? t_cleared : t_flags, va, got, want);
	return fnv_word(h, got);
}

static __user_fn uint32_t word(uint32_t h, uint32_t va, uint32_t want)
{
	uint32_t got = *at(va);

	uexpect_at(t_word, va, got, want);
	return fnv_word(h, got);
}

static __user_fn uint32_t page(uint32_t i)
{
	return REGION + i * UPAGE;
}

/* Write every third page, read the next, leave the third alone. */
static __user_fn uint32_t touch(uint32_t h)
{
	uexpect(t_map, sys_map(REGION, NPAGES, MAP_WRITE), 0);
	for (uint32_t i = 0; i < NPAGES; i++)
		h = flags(h, page(i), BASE, 0);
	for (uint32_t i = 0; i < NPAGES; i++) {
		if (i % 3 == 0)
			fill(page(i), i);
		else if (i % 3 == 1)
			h = fnv_word(h, read_page(page(i)));
	}
	for (uint32_t i = 0; i < NPAGES; i++)
		h = flags(h, page(i), i % 3 == 0 ? WRITTEN : i % 3 == 1 ? READ : BASE, 0);
	return h;
}

/* Clear A and D, then write and read other pages: the bits show only
 * what happened since the clear, as a kernel tracking dirty pages sees. */
static __user_fn uint32_t track(uint32_t h)
{
	uint32_t dirty = 0;

	for (uint32_t i = 0; i < NPAGES; i++)
		h = flags(h, page(i), i % 3 == 0 ? WRITTEN : i % 3 == 1 ? READ : BASE,
			  PTEFLAGS_CLEAR);
	for (uint32_t i = 0; i < NPAGES; i++) {
		if (i % 4 == 0)
			at(page(i))[7] = i;
		else if (i % 4 == 1)
			h = fnv_word(h, at(page(i))[7]);
	}
	for (uint32_t i = 0; i < NPAGES; i++) {
		h = flags(h, page(i), i % 4 == 0 ? WRITTEN : i % 4 == 1 ? READ : BASE, 0);
		dirty += (uint32_t)sys_pteflags(page(i), 0) & PTEF_D ? 1 : 0;
	}
	return fnv_word(h, dirty);
}

/* Unmapped pages show nothing; mapped again, they are fresh and zero. */
static __user_fn uint32_t remap(uint32_t h)
{
	uexpect(t_map, sys_unmap(page(4), 4), 0);
	for (uint32_t i = 4; i < 8; i++)
		h = flags(h, page(i), 0, 0);
	uexpect(t_map, sys_map(page(4), 4, MAP_WRITE), 0);
	for (uint32_t i = 4; i < 8; i++) {
		h = flags(h, page(i), BASE, 0);
		uexpect_at(t_word, page(i), read_page(page(i)), 0);
		h = flags(h, page(i), READ, 0);
	}
	return h;
}

static __user_fn uint32_t map_fill(uint32_t h, uint32_t va, uint32_t pages)
{
	uexpect(t_map, sys_map(va, pages, MAP_WRITE), 0);
	for (uint32_t i = 0; i < pages; i++) {
		fill(va + i * UPAGE, va + i);
		h = flags(h, va + i * UPAGE, WRITTEN, 0);
	}
	return h;
}

/* Pages over an L1 line, over an L2 line, and under a third L2. */
static __user_fn uint32_t boundaries(uint32_t h)
{
	h = map_fill(h, ACROSS_L1, 4);
	h = map_fill(h, ACROSS_L2, 4);
	return map_fill(h, HIGH, 1);
}

/* Copy-on-write, broken by the new address first: page 0 (written). */
static __user_fn uint32_t cow_alias_first(uint32_t h)
{
	uint32_t src = page(0), dst = ALIAS, old = *at(src + 20);

	uexpect(t_share, sys_share(dst, src, SHARE_COW), 0);
	h = flags(h, src, COW | PTEF_A | PTEF_D, 0);
	h = flags(h, dst, COW, 0);
	h = word(h, dst + 20, old);
	h = flags(h, dst, COW | PTEF_A, 0);
	*at(dst + 20) = 0x11111111;		/* a copy for dst */
	h = flags(h, dst, WRITTEN, 0);
	h = word(h, src + 20, old);
	*at(src + 20) = 0x22222222;		/* the last reference: in place */
	h = flags(h, src, WRITTEN, 0);
	h = word(h, dst + 20, 0x11111111);
	return word(h, src + 20, 0x22222222);
}

/* Copy-on-write, broken by the old address first: page 2 (untouched). */
static __user_fn uint32_t cow_source_first(uint32_t h)
{
	uint32_t src = page(2), dst = ALIAS + UPAGE;

	uexpect(t_share, sys_share(dst, src, SHARE_COW), 0);
	h = flags(h, src, COW, 0);
	*at(src) = 0x33333333;			/* a copy for src */
	h = flags(h, src, WRITTEN, 0);
	h = flags(h, dst, COW, 0);
	h = word(h, dst, 0);
	*at(dst) = 0x44444444;			/* in place */
	h = flags(h, dst, WRITTEN, 0);
	return word(h, src, 0x33333333);
}

/* One frame writable at two addresses: each entry has its own A and D. */
static __user_fn uint32_t writable_alias(uint32_t h)
{
	uint32_t src = page(5), dst = ALIAS + 2 * UPAGE;

	h = flags(h, src, READ, PTEFLAGS_CLEAR);
	uexpect(t_share, sys_share(dst, src, SHARE_WRITE), 0);
	*at(dst) = 0xabcdef01;
	h = word(h, src, 0xabcdef01);
	h = flags(h, dst, WRITTEN, 0);
	return flags(h, src, READ, 0);
}

/* Eight pages that each need an L1 table, mapped and unmapped. */
static __user_fn uint32_t spread(uint32_t h)
{
	for (uint32_t k = 0; k < 8; k++) {
		uexpect(t_map, sys_map(SPREAD + k * SPREAD_STEP, 1, MAP_WRITE), 0);
		*at(SPREAD + k * SPREAD_STEP) = k;
	}
	for (uint32_t k = 0; k < 8; k++)
		h = flags(h, SPREAD + k * SPREAD_STEP, WRITTEN, 0);
	for (uint32_t k = 0; k < 8; k++) {
		uexpect(t_map, sys_unmap(SPREAD + k * SPREAD_STEP, 1), 0);
		h = flags(h, SPREAD + k * SPREAD_STEP, 0, 0);
	}
	return h;
}

/* Everything still mapped, contents and bits, into the checksum. */
static __user_fn uint32_t summary(uint32_t h)
{
	for (uint32_t i = 0; i < NPAGES; i++)
		h = fnv_word(fnv_bytes(h, at(page(i)), UPAGE), (uint32_t)sys_pteflags(page(i), 0));
	for (uint32_t i = 0; i < 3; i++)
		h = fnv_word(fnv_bytes(h, at(ALIAS + i * UPAGE), UPAGE),
			     (uint32_t)sys_pteflags(ALIAS + i * UPAGE, 0));
	h = fnv_bytes(h, at(ACROSS_L1), 4 * UPAGE);
	h = fnv_bytes(h, at(ACROSS_L2), 4 * UPAGE);
	h = fnv_bytes(h, at(HIGH), UPAGE);
	return flags(h, USER_STACK_TOP - UPAGE, WRITTEN, 0);
}

__user_fn int32_t ptheavy_main(uint32_t arg)
{
	uint32_t h = FNV_START;

	(void)arg;
	h = touch(h);
	h = track(h);
	h = remap(h);
	h = boundaries(h);
	h = cow_alias_first(h);
	h = cow_source_first(h);
	h = writable_alias(h);
	h = spread(h);
	for (uint32_t c = 1; c <= 3; c++)
		uexpect(t_spawn, sys_spawn(PROG_PTCHILD, c) > 0, 1);
	for (uint32_t i = 0; i < 3; i++)
		sys_yield();
	h = summary(h);
	uexpect(t_map, sys_unmap(REGION, NPAGES), 0);
	uexpect(t_map, sys_unmap(ALIAS, 3), 0);
	return (int32_t)flags(h, page(0), 0, 0);
}

/* Map, write, yield (the others write the same address in theirs), check
 * that what we wrote is still there and how the bits show it, unmap: five
 * times. */
__user_fn int32_t ptchild_main(uint32_t arg)
{
	uint32_t h = fnv_word(FNV_START, arg);

	for (uint32_t round = 0; round < 5; round++) {
		uint32_t seed = arg * 100 + round;

		uexpect(t_map, sys_map(CHILD_BASE, 3, MAP_WRITE), 0);
		fill(CHILD_BASE, seed);
		h = fnv_word(h, read_page(CHILD_BASE + UPAGE));
		sys_yield();
		h = word(h, CHILD_BASE, seed);
		h = flags(h, CHILD_BASE, WRITTEN, 0);
		h = flags(h, CHILD_BASE + UPAGE, READ, 0);
		h = flags(h, CHILD_BASE + 2 * UPAGE, BASE, 0);
		h = fnv_bytes(h, at(CHILD_BASE), 64);
		uexpect(t_map, sys_unmap(CHILD_BASE, 3), 0);
	}
	return (int32_t)h;
}
