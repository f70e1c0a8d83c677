/*
 * watch-exec: a guest watches its own code for execution, with no monitor.
 * Shows: fetching the watched instruction is an event with the default
 * verdict (allow: it runs, single-stepped; deny: it is skipped), the next
 * instruction on the same page is a near miss that runs, and after the
 * watch is removed the code runs plainly.  Cannot show: a monitor's verdicts on fetches.
 */
#include <stdint.h>

#include "guest/lib/backend.h"
#include "guest/lib/hypercall.h"
#include "guest/lib/test.h"
#include "guest/lib/watch_calls.h"
#include "include/public/warden.h"
#include "include/public/xen.h"

/* A function alone on its page: the watch covers its first instruction. */
__asm__(".pushsection .text.watched, \"ax\"\n"
	".balign 4096\n"
	"watched_fn:\n"
	"	movl $0x1234, %eax\n"	/* 5 bytes: the watched range */
	"	ret\n"
	".balign 4096\n"
	".popsection\n");

extern char watched_fn[];

static uint32_t call_watched(void)
{
	uint32_t eax = 7;

	__asm__ volatile("call watched_fn" : "+a"(eax) : : "memory", "ecx", "edx");
	return eax;
}

void test_main(void)
{
	int allow = backend_cmdline()[0] == 'a';
	struct warden_watch w = { DOMID_SELF, WATCH_EXEC, WATCH_ADDR_VIRTUAL,
				  (uint32_t)watched_fn, 5, 0 };
	long id = hypercall2(__HYPERVISOR_warden_watch_op, WATCH_OP_add, HC_PTR(&w));
	test_eq("execute watch added", id, 1);
	test_eq("the watched instruction", call_watched(), allow ? 0x1234 : 7);
	test_eq("again", call_watched(), allow ? 0x1234 : 7);
	test_eq("watch removed", watch_call_del(DOMID_SELF, (uint32_t)id), 0);
	test_eq("after the watch is gone", call_watched(), 0x1234);
}
