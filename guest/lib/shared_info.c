/*
 * shared_info.c - mapping the shared page.  start_info gives its
 * pseudo-physical byte address; we put it over a page of our own bss with
 * update_va_mapping, as XTF does.  The page's own frame is simply unused
 * from then on.
 */
#include "guest/lib/shared_info.h"
#include "guest/lib/pt.h"
#include "guest/lib/test.h"

static uint8_t page[PAGE_SIZE] PAGE_ALIGNED;
static bool mapped;

volatile struct shared_info *shared_info(void)
{
	uint32_t pfn = start_info->shared_info >> PAGE_SHIFT;
	long rc;

	if (!mapped) {
		rc = pt_map((uint32_t)(uintptr_t)page, pfn, PTE_P | PTE_RW);
		if (rc)
			test_fatal("cannot map shared info (frame 0x%x): %ld", pfn, rc);
		mapped = true;
	}
	return (volatile struct shared_info *)page;
}
