/*
 * user.c - making ring 3 possible: the U bit on the user pages (the domain
 * builder gave it to the L2 entries but no L1 entry) and the gate back.
 */
#include "guest/lib/user.h"
#include "guest/lib/hypercall.h"
#include "guest/lib/pt.h"
#include "guest/lib/test.h"
#include "include/public/arch_x86_32.h"

void user_return(void);		/* user_entry.S */

void user_init(void)
{
	struct trap_info back[2] = {
		{ USER_RETURN_VECTOR, 3, FLAT_RING1_CS,
		  (uint32_t)(uintptr_t)user_return },
		{ 0, 0, 0, 0 },
	};

	for (uintptr_t va = (uintptr_t)__user_start; va < (uintptr_t)__user_end;
	     va += PAGE_SIZE)
		if (pt_set(va, pt_read(va) | PTE_US))
			test_fatal("cannot make 0x%x user-accessible", va);
	if (hc_set_trap_table(back))
		test_fatal("set_trap_table refused int $0x%x", USER_RETURN_VECTOR);
}
