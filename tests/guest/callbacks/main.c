/*
 * callbacks: set_callbacks and callback_op, which every Xen-ABI kernel
 * calls at boot.
 *
 * Shows: both accept ring-1 entry points; callback_op registers every type
 * a 32-bit guest registers (event, failsafe, nmi, and the syscall and
 * sysenter entries that Warden never uses but must accept) and refuses an
 * unknown type with -EINVAL, an unreadable argument with -EFAULT and an
 * unknown command with -ENOSYS; unregistering is accepted.
 * Cannot show: that Warden ever enters the callbacks (no events yet, and a
 * bad selector on the way back crashes the domain instead of calling the
 * failsafe callback).
 */
#include "guest/lib/hypercall.h"
#include "guest/lib/test.h"
#include "include/public/errno.h"

static void callback(void)
{
	test_fatal("a callback ran");
}

static long reg(uint16_t type)
{
	struct callback_register r = {
		type, 0, { FLAT_RING1_CS, (uint32_t)(uintptr_t)callback },
	};

	return hc_callback_op(CALLBACKOP_register, &r);
}

void test_main(void)
{
	uint32_t eip = (uint32_t)(uintptr_t)callback;
	struct callback_unregister u = { CALLBACKTYPE_nmi, 0 };

	test_eq("set_callbacks", hc_set_callbacks(FLAT_RING1_CS, eip, FLAT_RING1_CS, eip), 0);
	test_eq("register event", reg(CALLBACKTYPE_event), 0);
	test_eq("register failsafe", reg(CALLBACKTYPE_failsafe), 0);
	test_eq("register nmi", reg(CALLBACKTYPE_nmi), 0);
	test_eq("register syscall", reg(CALLBACKTYPE_syscall), 0);
	test_eq("register sysenter", reg(CALLBACKTYPE_sysenter), 0);
	test_eq("register syscall32", reg(CALLBACKTYPE_syscall32), 0);
	test_eq("register an unknown type", reg(99), -XEN_EINVAL);
	test_eq("register from an unmapped argument",
		hc_callback_op(CALLBACKOP_register, (void *)0x1000), -XEN_EFAULT);
	test_eq("unregister", hc_callback_op(CALLBACKOP_unregister, &u), 0);
	test_eq("unknown command", hc_callback_op(7, &u), -XEN_ENOSYS);
}
