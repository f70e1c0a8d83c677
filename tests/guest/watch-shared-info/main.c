/*
 * watch-shared-info: a guest tries to watch its shared-info page, by
 * virtual and by pseudo-physical address.
 *
 * That page is Warden's more than ours: Warden writes the time into it on
 * every tick and the event bits whenever an event comes, on our behalf.
 * A watch there would either be broken by Warden's writes without a word,
 * or need a report on every tick; so Warden must refuse it.
 *
 * Shows: both watches are refused.  Cannot show: what Warden would report
 * if it chose to accept them instead (the test would then need another
 * oracle).
 */
#include "guest/lib/console.h"
#include "guest/lib/pt.h"
#include "guest/lib/shared_info.h"
#include "guest/lib/test.h"
#include "guest/lib/watch_calls.h"
#include "include/public/xen.h"

static void expect_refused(const char *how, long id)
{
	if (id > 0)
		test_fail("a watch on our shared-info page %s was accepted (id %ld)", how, id);
	else
		printk("a watch on our shared-info page %s is refused: %ld\n", how, id);
}

void test_main(void)
{
	expect_refused("by virtual address",
		       watch_call_add_self(shared_info(), PAGE_SIZE));
	expect_refused("by pseudo-physical address",
		       watch_call_add(DOMID_SELF, WATCH_ADDR_PHYSICAL,
				      start_info->shared_info, 4));
}
