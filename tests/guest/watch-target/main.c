/*
 * watch-target: five words, each at the start of a page of its own (the
 * five pages of `pages`, in this order), written for a monitor to judge.
 * The boot tests' rules (tests/boot/monitor-verdicts, monitor-watch-other)
 * give each the verdict it is named after:
 *
 *   page 0  allow               the new value lands
 *   page 1  deny                the old value stays; no fault
 *   page 2  deny-fault          a page fault (P|W) at the word; the old
 *                               value stays
 *   page 3  value=0x5a5a5a5a    the monitor's value lands instead
 *   page 4  remove              lands, and the watch is gone, so a second
 *                               write lands with no event at all
 *
 * With the word "self" on its command line the guest watches the five
 * words itself (WATCH_OP_add, by virtual address), and four watches are
 * left at the end; without it, the monitor has placed one watch over the
 * five pages (watch=DOM:vADDR:LEN), which "remove" removes.  Every write
 * goes through the exception table, so a fault where none is expected is
 * a failure, not a crash.
 *
 * Shows: every verdict, applied to a ring-1 `mov`, as the guest sees it.
 * Cannot show: what the monitor printed or streamed (the boot tests check
 * that), nor writes by other instructions (Warden's emulator tests).
 */
#include <stdint.h>

#include "guest/lib/extable.h"
#include "guest/lib/pt.h"
#include "guest/lib/test.h"
#include "guest/lib/watch_calls.h"
#include "guest/lib/x86.h"
#include "include/public/warden.h"
#include "include/public/xen.h"
#include "tests/guest/watch-lib/watch_lib.h"

#define OLD		0x01d01d01u
#define NEW		0x11112222u
#define MONITORS_VALUE	0x5a5a5a5au	/* the rule's value=N */

enum { ALLOW, DENY, FAULT, VALUE, REMOVE, WORDS };

/* Initialised in the image, not by a write: the monitor's watch may be
 * there before our first instruction. */
static volatile uint32_t pages[WORDS][PAGE_SIZE / 4] PAGE_ALIGNED = {
	{ OLD }, { OLD }, { OLD }, { OLD }, { OLD },
};

/* One `mov` of v to the word of page i; "no fault" (0) or the fault's
 * exinfo. */
static uint32_t write(unsigned i, uint32_t v)
{
	uint32_t exinfo = 0;

	__asm__ volatile("1: movl %[v], (%[p])\n2:\n" EXTABLE(1b, 2b)
			 : "+a"(exinfo) : [v] "r"(v), [p] "r"(pages[i]) : "memory");
	return exinfo;
}

static void watch_each_word(void)
{
	for (unsigned i = 0; i < WORDS; i++)
		if (watch_call_add_self(pages[i], 4) <= 0)
			test_fatal("cannot watch word %u", i);
}

/* A write the verdict lets through (allow, value, remove). */
static void expect_landed(const char *what, unsigned i, uint32_t want)
{
	test_eq(what, write(i, NEW), 0);
	test_eq(what, (long)pages[i][0], (long)want);
}

static void expect_denied(void)
{
	test_eq("deny: no fault", write(DENY, NEW), 0);
	test_eq("deny: the value", (long)pages[DENY][0], OLD);
	test_eq("deny-fault: the exception", write(FAULT, NEW), EXINFO_PF(PF_P | PF_W));
	test_eq("deny-fault: cr2", rcr2(), (long)(uintptr_t)pages[FAULT]);
	test_eq("deny-fault: the value", (long)pages[FAULT][0], OLD);
}

void test_main(void)
{
	struct warden_watch entries[WORDS];
	bool self = opt_has("self");

	if (self)
		watch_each_word();
	expect_landed("allow", ALLOW, NEW);
	expect_denied();
	expect_landed("value", VALUE, MONITORS_VALUE);
	expect_landed("remove", REMOVE, NEW);
	test_eq("after remove: a second write", write(REMOVE, NEW + 1), 0);
	test_eq("after remove: its value", (long)pages[REMOVE][0], NEW + 1);
	test_eq("watches left", watch_call_list(DOMID_SELF, entries, WORDS),
		self ? WORDS - 1 : 0);
}
