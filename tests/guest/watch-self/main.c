/*
 * watch-self: a guest watches its own memory, with no monitor to ask.
 * Shows: a write into the watched range is caught and gets Warden's
 * default verdict (deny unless Warden's command line says
 * watch_default=allow: the boot tests run both), a write next to it on the
 * same page (a near miss) goes through, a write straddling the range's
 * start is caught, an instruction the emulator does not know (an x87
 * store) is single-stepped when allowed, removing the watch lets writes
 * through, a hypercall
 * result aimed at the watched page is refused (-EFAULT), a write Warden
 * emulates on a page whose entry is clean sets its dirty bit, as the
 * CPU's own write would, and bad watch calls get their errors.  Cannot show: a monitor's verdicts (monitor-*
 * tests).
 */
#include <stdint.h>

#include "guest/lib/backend.h"
#include "guest/lib/hypercall.h"
#include "guest/lib/pt.h"
#include "guest/lib/test.h"
#include "include/public/errno.h"
#include "include/public/version.h"
#include "include/public/warden.h"
#include "include/public/xen.h"

static volatile uint32_t page[1024] __attribute__((aligned(4096)));
static volatile uint32_t clean[1024] __attribute__((aligned(4096)));

static long watch_op(uint32_t cmd, struct warden_watch *w)
{
	return hypercall2(__HYPERVISOR_warden_watch_op, cmd, HC_PTR(w));
}

/* A near miss on a watched page whose entry has no D: Warden's emulated
 * write must set it. */
static void dirty_bit_of_an_emulated_write(void)
{
	uint32_t va = (uint32_t)clean;
	struct warden_watch w = { DOMID_SELF, WATCH_WRITE, WATCH_ADDR_VIRTUAL, va, 4, 0 };

	clean[0] = 1;
	test_eq("D cleared", pt_set(va, pt_read(va) & ~PTE_D), 0);
	test_eq("the clean page watched", watch_op(WATCH_OP_add, &w) > 0, 1);
	test_eq("read first (a shadow entry without D: the write is not a miss)",
		clean[0], 1);
	clean[8] = 2;
	test_eq("the emulated write", clean[8], 2);
	test_eq("its entry got D", (pt_read(va) & PTE_D) != 0, 1);
}

void test_main(void)
{
	int allow = backend_cmdline()[0] == 'a';	/* expect allow or deny */
	struct warden_watch w = { DOMID_SELF, WATCH_WRITE, WATCH_ADDR_VIRTUAL,
				  (uint32_t)&page[16], 8, 0 };
	long id;

	page[16] = 1;
	page[18] = 2;
	id = watch_op(WATCH_OP_add, &w);
	test_eq("watch added", id > 0, 1);
	page[16] = 0x41414141;
	test_eq("the write into the range", page[16], allow ? 0x41414141 : 1);
	page[18] = 3;
	test_eq("a near miss on the same page", page[18], 3);
	*(volatile uint32_t *)((volatile uint8_t *)page + 62) = 0x53535353;
	test_eq("a write straddling the start", page[15] >> 16, allow ? 0x5353 : 0);
	/* fnstcw: no emulator for it -- allowed, the CPU runs it single-stepped */
	__asm__ volatile("fninit; fnstcw %0" : "=m"(*((volatile uint16_t *)(page + 16))));
	test_eq("an x87 store into the range (single-stepped if allowed)",
		page[16], allow ? 0x4141037f : 1);
	test_eq("Warden refuses to write a watched page for us",
		hc_xen_version(XENVER_get_features, (void *)&page[100]), -XEN_EFAULT);
	w.id = (uint32_t)id;
	test_eq("watch removed", watch_op(WATCH_OP_del, &w), 0);
	test_eq("removed twice", watch_op(WATCH_OP_del, &w), -XEN_ENOENT);
	page[16] = 7;
	test_eq("a write after the watch is gone", page[16], 7);
	w.len = 0;
	test_eq("an empty range", watch_op(WATCH_OP_add, &w), -XEN_EINVAL);
	w.len = 8;
	w.addr = 0xF6800000u;
	test_eq("Warden's area", watch_op(WATCH_OP_add, &w), -XEN_EINVAL);
	w.domid = 1;
	w.addr = (uint32_t)&page[16];
	test_eq("its own id works like DOMID_SELF", watch_op(WATCH_OP_add, &w) > 0, 1);
	w.domid = 2;
	test_eq("another domain: monitor only", watch_op(WATCH_OP_add, &w), -XEN_EPERM);
	test_eq("monitor calls are refused to a guest",
		hypercall2(__HYPERVISOR_warden_monitor_op, MONITOR_OP_ready, 0),
		-XEN_EPERM);
	dirty_bit_of_an_emulated_write();
}
