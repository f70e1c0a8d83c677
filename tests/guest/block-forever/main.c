/*
 * block-forever: a domain that waits for an event that cannot come.  It
 * registers its event callback but binds no port -- no timer, no console,
 * no peer -- and blocks.
 *
 * Shows, beside another domain (tests/boot/blocked-forever): that Warden
 * runs the other while this one waits, and once nobody is left who could
 * wake it, crashes it with "waits for an event that can never come"
 * instead of idling for ever.
 * Cannot show: its own result line, which never comes.
 */
#include "guest/lib/console.h"
#include "guest/lib/events.h"
#include "guest/lib/test.h"

void test_main(void)
{
	events_init();
	printk("blocking, with no port bound\n");
	events_block();
	test_fail("block returned with no port bound (%u upcalls)", events_upcalls());
}
