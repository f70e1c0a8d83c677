/*
 * descriptor_check.c - Xen's check_descriptor for 32-bit guests.
 *
 * A descriptor a guest installs is loaded by the CPU without Warden seeing
 * it again, so everything that could hurt must be ruled out here:
 *
 *  - A descriptor that is not present cannot be loaded at all (the load
 *    raises #NP), so it is harmless whatever else it says.
 *  - System descriptors are refused.  Gates belong in the IDT, which the
 *    guest cannot touch (traps.h gives it a virtual one); TSS descriptors
 *    and task gates would hand it the CPU's task switching; Warden builds
 *    the LDT descriptor itself (MMUEXT_SET_LDT).  Call gates could be
 *    allowed once their target selector is checked, as Xen does; not yet.
 *  - DPL 0 becomes 1.  The guest kernel runs in ring 1 and could not load a
 *    DPL 0 segment anyway; ring 0 is Warden's alone.
 *  - The accessed bit is set.  The CPU sets it on the first load, by
 *    writing to the descriptor table, and Warden maps those tables
 *    read-only: that write would fault inside the CPU's selector load.
 *  - The segment must end at or below 0xF5800000, where the guest's part
 *    of the address space ends.  Real CPUs enforce limits (QEMU's TCG does
 *    not, so paging is what protects Warden; the limit is defence in
 *    depth).  Xen cuts a limit that reaches too far instead of refusing
 *    it, because guests routinely ask for flat 4 GiB segments, and so
 *    does this file.
 *
 * The fields live scattered in the descriptor (arch/x86_32/descriptor.c
 * has the picture); the helpers below read them out and write back only
 * what changes.
 */
#include <stdbool.h>
#include <stddef.h>

#include "arch/x86_32/descriptor.h"
#include "arch/x86_32/memlayout.h"
#include "core/descriptor_check.h"

/* The first address a guest segment may not reach: 0xF5800000. */
#define SEGMENT_END		((uint64_t)GUEST_SEGMENT_LIMIT + 1)
#define FOUR_GIB		((uint64_t)1 << 32)
_Static_assert(SEGMENT_END == 0xF5800000, "the reasons below name this address");

/* Type bits (access byte bits 0-3) of code and data segments. */
#define TYPE_CODE		0x8	/* code; otherwise data */
#define TYPE_EXPAND_DOWN	0x4	/* data: valid offsets lie above the limit */
#define DESC_DPL_MASK		DESC_DPL(3)

/* Flag bits (descriptor bits 52-55). */
#define FLAG_G			0x8	/* limit counts 4 KiB pages */
#define FLAG_DB			0x4	/* 32-bit; expand-down: 4 GiB top */
#define FLAG_L			0x2	/* 64-bit code: long mode only */

static unsigned access_of(uint64_t d)
{
	return (unsigned)(d >> 40) & 0xff;
}

static unsigned flags_of(uint64_t d)
{
	return (unsigned)(d >> 52) & 0xf;
}

static uint32_t base_of(uint64_t d)
{
	return (uint32_t)((d >> 16) & 0xffffff) | (uint32_t)(d >> 56) << 24;
}

/* The 20-bit limit field, in bytes or pages. */
static uint32_t limit_of(uint64_t d)
{
	return (uint32_t)(d & 0xffff) | (uint32_t)((d >> 48) & 0xf) << 16;
}

static uint64_t with_limit(uint64_t d, uint32_t limit)
{
	d &= ~((uint64_t)0xffff | (uint64_t)0xf << 48);
	return d | (limit & 0xffff) | (uint64_t)((limit >> 16) & 0xf) << 48;
}

static uint64_t with_access(uint64_t d, unsigned access)
{
	return (d & ~((uint64_t)0xff << 40)) | (uint64_t)access << 40;
}

/* Indexed by the type of a present descriptor with S = 0. */
static const char *const system_reasons[16] = {
	"system descriptor type 0x0 (reserved) is not allowed",
	"system descriptor type 0x1 (16-bit TSS) is not allowed",
	"system descriptor type 0x2 (LDT) is not allowed",
	"system descriptor type 0x3 (busy 16-bit TSS) is not allowed",
	"call gates (type 0x4, 16-bit) are not allowed: Warden does not check them yet",
	"system descriptor type 0x5 (task gate) is not allowed",
	"system descriptor type 0x6 (16-bit interrupt gate) is not allowed",
	"system descriptor type 0x7 (16-bit trap gate) is not allowed",
	"system descriptor type 0x8 (reserved) is not allowed",
	"system descriptor type 0x9 (32-bit TSS) is not allowed",
	"system descriptor type 0xa (reserved) is not allowed",
	"system descriptor type 0xb (busy 32-bit TSS) is not allowed",
	"call gates (type 0xc) are not allowed: Warden does not check them yet",
	"system descriptor type 0xd (reserved) is not allowed",
	"system descriptor type 0xe (32-bit interrupt gate) is not allowed",
	"system descriptor type 0xf (32-bit trap gate) is not allowed",
};

/*
 * Code and expand-up data cover base .. base + size - 1, where size is
 * (limit + 1) bytes or pages.  If that reaches past SEGMENT_END (or wraps
 * at 4 GiB), cut the limit to what fits, in the segment's own unit.  The
 * caller has made sure base < SEGMENT_END - 4 KiB, so at least one page
 * fits, and a byte-granular segment (1 MiB at most) that does not fit is
 * one whose room is below 1 MiB, so its new limit fits the field too: the
 * cut always works, and the result is always NULL.
 */
static const char *fit_expand_up(uint64_t *d)
{
	bool pages = flags_of(*d) & FLAG_G;
	uint64_t size = ((uint64_t)limit_of(*d) + 1) << (pages ? 12 : 0);
	uint64_t room = SEGMENT_END - base_of(*d);

	if (size > room)
		*d = with_limit(*d, (uint32_t)(pages ? room / PAGE_SIZE - 1 : room - 1));
	return NULL;
}

/*
 * Expand-down data covers the offsets above the limit: from limit + 1
 * (counted in bytes; with G the limit's low 12 bits read as 0xfff) up to
 * 0xffffffff, or 0xffff when the B flag is clear.  base + offset wraps at
 * 4 GiB, so the segment is fine when it is empty, when it ends below
 * SEGMENT_END, or when every offset wraps round to below base.  Otherwise
 * Xen's fix makes every offset wrap: the segment starts at offset 4 GiB -
 * (base rounded down to a page) and covers (base & 0xfff) .. base - 1.
 * A byte-granular limit cannot reach that far: refused, as Xen does.
 */
static const char *fit_expand_down(uint64_t *d)
{
	uint32_t base = base_of(*d), limit = limit_of(*d);
	bool pages = flags_of(*d) & FLAG_G;
	uint64_t first = (pages ? ((uint64_t)limit << 12 | 0xfff) : limit) + 1;
	uint64_t last = (flags_of(*d) & FLAG_DB) ? 0xffffffff : 0xffff;

	if (first > last || base + last < SEGMENT_END || base + first >= FOUR_GIB)
		return NULL;
	if (!pages)
		return "a byte-granular expand-down segment reaching 0xF5800000 "
		       "cannot be cut back";
	*d = with_limit(*d, 0xfffff - (base >> 12));
	return NULL;
}

/* A present code or data descriptor: check where it reaches, then fix it. */
static const char *check_segment(uint64_t *d)
{
	unsigned access = access_of(*d);
	bool expand_down = (access & (TYPE_CODE | TYPE_EXPAND_DOWN)) == TYPE_EXPAND_DOWN;
	const char *why;

	if (flags_of(*d) & FLAG_L)
		return "the L bit (64-bit code) is set";
	if (base_of(*d) >= SEGMENT_END - PAGE_SIZE)
		return "segment base is at or above 0xF57FF000: guest segments "
		       "must end by 0xF5800000";
	why = expand_down ? fit_expand_down(d) : fit_expand_up(d);
	if (why)
		return why;
	if ((access & DESC_DPL_MASK) == DESC_DPL(0))
		access |= DESC_DPL(1);
	*d = with_access(*d, access | DESC_ACCESSED);
	return NULL;
}

const char *descriptor_check(uint64_t *d)
{
	uint64_t fixed = *d;
	unsigned access = access_of(fixed);
	const char *why;

	if (!(access & DESC_P))
		return NULL;
	if (!(access & DESC_CODE_DATA))
		return system_reasons[access & 0xf];
	why = check_segment(&fixed);
	if (!why)
		*d = fixed;	/* only a descriptor that passed is changed */
	return why;
}
