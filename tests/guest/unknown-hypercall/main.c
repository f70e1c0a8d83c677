/*
 * unknown-hypercall: numbers Warden does not implement.
 *
 * Shows: numbers Xen never used (11, 43-47), numbers past Warden's table
 * but inside the hypercall page (64-127), and numbers no page entry has
 * (128 and up, made with `int $0x82` directly) all return -ENOSYS and
 * leave the guest running.
 * Cannot show: anything about Xen calls Warden has not written yet
 * (multicall, vcpu_op, ...): those will change as they are written, so
 * they are not used here.
 */
#include "guest/lib/hypercall.h"
#include "guest/lib/test.h"
#include "include/public/errno.h"
#include "lib/format.h"
#include "include/public/hypercall.h"

#define CHECK_PAGE_ENTRY(nr) \
	test_eq("hypercall page entry " #nr, hypercall0(nr), -XEN_ENOSYS)

static void check_direct(uint32_t nr)
{
	char what[40];

	sformat(what, sizeof(what), "int $0x82 with eax 0x%x", nr);
	test_eq(what, _hypercall5(nr, 1, 2, 3, 4, 5), -XEN_ENOSYS);
}

void test_main(void)
{
	CHECK_PAGE_ENTRY(11);
	CHECK_PAGE_ENTRY(43);
	CHECK_PAGE_ENTRY(47);
	CHECK_PAGE_ENTRY(64);
	CHECK_PAGE_ENTRY(100);
	CHECK_PAGE_ENTRY(127);
	check_direct(128);
	check_direct(0x8000);
	check_direct(0x80000000u);
	check_direct(0xffffffffu);
}
