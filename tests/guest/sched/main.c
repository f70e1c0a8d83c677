/*
 * sched: sched_op and the older sched_op_compat.
 *
 * Shows: yield returns 0; shutdown with an unreadable argument is -EFAULT
 * and with an unknown reason -EINVAL, and neither ends the domain; unknown
 * commands are -ENOSYS; and the compat form's shutdown, which takes the
 * reason itself, ends the domain with it (this test powers off through it).
 * Cannot show: block and poll (they need events), or that yield lets
 * another domain run (domains run one after another).
 */
#include "guest/lib/hypercall.h"
#include "guest/lib/test.h"
#include "include/public/errno.h"

void test_main(void)
{
	struct sched_shutdown bad_reason = { SHUTDOWN_MAX + 1 };

	test_eq("yield", hc_sched_op(SCHEDOP_yield, 0), 0);
	test_eq("shutdown, unmapped argument",
		hc_sched_op(SCHEDOP_shutdown, (void *)0x1000), -XEN_EFAULT);
	test_eq("shutdown, unknown reason",
		hc_sched_op(SCHEDOP_shutdown, &bad_reason), -XEN_EINVAL);
	test_eq("unknown command", hc_sched_op(99, 0), -XEN_ENOSYS);
	test_eq("compat yield", hc_sched_op_compat(SCHEDOP_yield, 0), 0);
	test_eq("compat shutdown, unknown reason",
		hc_sched_op_compat(SCHEDOP_shutdown, SHUTDOWN_MAX + 1), -XEN_EINVAL);
	test_eq("compat unknown command", hc_sched_op_compat(99, 0), -XEN_ENOSYS);

	hc_sched_op_compat(SCHEDOP_shutdown, test_report());
	test_fail("compat shutdown returned");
}
