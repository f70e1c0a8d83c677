/*
 * frame.c - the frame table and the frame allocator.
 *
 * Every machine frame (4 KiB of RAM) has one struct frame_info, indexed by
 * its machine frame number (mfn).  It records what the frame is used for
 * and who owns it, so that later a guest's request to map frame N can be
 * answered by one look: is N yours?  The free frames are chained through
 * the same table into a free list, so allocating and freeing are O(1).
 *
 * The list is a stack.  frame_add_free() pushes frames from the top of a
 * range down, so low frames come out first: Warden's own structures, made
 * first, land in the direct-mapped low memory.
 *
 * The table itself lives in memory the caller found for it; this file
 * touches nothing else, so the host unit tests drive it directly.
 */
#include "mm/frame.h"

static struct frame_info *frames;
static uint32_t nframes;
static uint32_t free_head = FRAME_NONE;
static uint32_t counts[FRAME_TYPES];

static const char *const type_names[FRAME_TYPES] = {
	"absent", "reserved", "free", "warden", "bootinfo", "module",
	"domain", "shadow",
};

void frame_table_init(struct frame_info *table, uint32_t n)
{
	frames = table;
	nframes = n;
	free_head = FRAME_NONE;
	for (unsigned t = 0; t < FRAME_TYPES; t++)
		counts[t] = 0;
	for (uint32_t i = 0; i < n; i++)
		frames[i] = (struct frame_info){ .next_free = FRAME_NONE,
						 .owner = OWNER_NONE,
						 .type = FRAME_ABSENT };
	counts[FRAME_ABSENT] = n;
}

static void set_type(uint32_t mfn, enum frame_type type, uint16_t owner)
{
	counts[frames[mfn].type]--;
	counts[type]++;
	frames[mfn].type = (uint8_t)type;
	frames[mfn].owner = owner;
}

static void push_free(uint32_t mfn)
{
	set_type(mfn, FRAME_FREE, OWNER_NONE);
	frames[mfn].next_free = free_head;
	free_head = mfn;
}

/*
 * Only absent frames become free: RAM reported twice is added once.  The
 * range is clipped to the table first, so first + i - 1 cannot wrap past
 * 2^32 onto low frames outside the range.
 */
void frame_add_free(uint32_t first, uint32_t count)
{
	if (first >= nframes)
		return;
	if (count > nframes - first)
		count = nframes - first;
	for (uint32_t i = count; i > 0; i--) {
		uint32_t mfn = first + i - 1;

		if (frames[mfn].type == FRAME_ABSENT)
			push_free(mfn);
	}
}

/* Unlink one frame from the middle of the free list. */
static void unlink_free(uint32_t mfn)
{
	uint32_t *link = &free_head;

	while (*link != mfn)
		link = &frames[*link].next_free;
	*link = frames[mfn].next_free;
	frames[mfn].next_free = FRAME_NONE;
}

/*
 * Claiming happens at boot, for a handful of ranges, so the linear unlink
 * is fine; the hot paths are frame_alloc and frame_free.
 */
void frame_claim(uint32_t first, uint32_t count, enum frame_type type,
		 uint16_t owner)
{
	for (uint32_t mfn = first; mfn - first < count && mfn < nframes; mfn++) {
		if (frames[mfn].type == FRAME_FREE)
			unlink_free(mfn);
		set_type(mfn, type, owner);
	}
}

uint32_t frame_alloc(enum frame_type type, uint16_t owner)
{
	uint32_t mfn = free_head;

	if (mfn == FRAME_NONE)
		return FRAME_NONE;
	free_head = frames[mfn].next_free;
	frames[mfn].next_free = FRAME_NONE;
	set_type(mfn, type, owner);
	return mfn;
}

void frame_set_pfn(uint32_t mfn, uint32_t pfn)
{
	if (mfn < nframes && frames[mfn].type == FRAME_DOMAIN)
		frames[mfn].pfn = pfn;
}

bool frame_free(uint32_t mfn)
{
	if (mfn >= nframes || frames[mfn].type == FRAME_FREE ||
	    frames[mfn].type == FRAME_ABSENT ||
	    frames[mfn].type == FRAME_RESERVED)
		return false;
	push_free(mfn);
	return true;
}

const struct frame_info *frame_get(uint32_t mfn)
{
	return mfn < nframes ? &frames[mfn] : 0;
}

uint32_t frame_count(enum frame_type type)
{
	return counts[type];
}

uint32_t frame_total(void)
{
	return nframes;
}

const char *frame_type_name(enum frame_type type)
{
	return type < FRAME_TYPES ? type_names[type] : "?";
}
