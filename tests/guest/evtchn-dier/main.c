/*
 * evtchn-dier: domain 1 of tests/boot/evtchn-peer-crash.  It allocates
 * port 1 for domain 2 (evtchn-orphan), waits until that domain has bound
 * it and said hello, and then crashes (ud2 with no handler), leaving its
 * end of the channel behind.
 *
 * Shows: nothing by itself; the orphan checks what is left.
 * Cannot show: its own result line, which never comes.
 */
#include "guest/lib/console.h"
#include "guest/lib/events.h"
#include "guest/lib/evtchn.h"
#include "guest/lib/hypercall.h"
#include "guest/lib/test.h"

#define ORPHAN	2

void test_main(void)
{
	long port;

	events_init();
	port = evtchn_alloc_unbound(ORPHAN);
	if (port != 1)
		test_fatal("alloc_unbound for domain %u: %ld, expected port 1", ORPHAN, port);
	while (events_seen(1) == 0)
		events_block();
	printk("the orphan said hello; now ud2 without a handler\n");
	hc_set_trap_table(0);
	__asm__ volatile("ud2");
	test_fail("ud2 without a handler returned");
}
