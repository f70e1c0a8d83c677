/*
 * hypercall_page.c - filling a guest's hypercall page.
 *
 * Each of the 128 entries is 32 bytes of code that makes one hypercall the
 * way xen.h describes, so a guest can `call hypercall_page + nr * 32`
 * without knowing how its hypervisor is entered:
 *
 *	b8 nn nn nn nn		mov  $nr, %eax
 *	cd 82			int  $0x82
 *	c3			ret
 *
 * The iret entry is different, because the guest jumps to it with an iret
 * frame on its stack (xen.h) and it never returns:
 *
 *	50			push %eax	(the frame's EAX)
 *	b8 17 00 00 00		mov  $23, %eax
 *	cd 82			int  $0x82
 *
 * The rest of each entry is int3 (cc), so a guest that jumps into the
 * middle of an entry stops at a breakpoint instead of running on.  This is
 * byte for byte what 32-bit Xen writes.
 */
#include <stdbool.h>

#include "core/hypercall_page.h"
#include "include/public/xen.h"
#include "lib/string.h"

#define OP_PUSH_EAX	0x50
#define OP_MOV_EAX	0xb8	/* mov $imm32, %eax */
#define OP_INT		0xcd	/* int $imm8 */
#define OP_RET		0xc3
#define OP_INT3		0xcc

_Static_assert(HYPERCALL_PAGE_ENTRIES * HYPERCALL_PAGE_ENTRY_SIZE ==
	       HYPERCALL_PAGE_SIZE, "the entries fill the page exactly");

/* Write entry nr at e, which is already filled with int3. */
static void fill_entry(uint8_t *e, uint32_t nr)
{
	bool iret = nr == __HYPERVISOR_iret;

	if (iret)
		*e++ = OP_PUSH_EAX;
	*e++ = OP_MOV_EAX;
	for (int shift = 0; shift < 32; shift += 8)	/* little-endian imm32 */
		*e++ = (uint8_t)(nr >> shift);
	*e++ = OP_INT;
	*e++ = HYPERCALL_VECTOR;
	if (!iret)
		*e = OP_RET;
}

void hypercall_page_fill(uint8_t page[HYPERCALL_PAGE_SIZE])
{
	memset(page, OP_INT3, HYPERCALL_PAGE_SIZE);
	for (uint32_t nr = 0; nr < HYPERCALL_PAGE_ENTRIES; nr++)
		fill_entry(page + nr * HYPERCALL_PAGE_ENTRY_SIZE, nr);
}
