/*
 * vm-assist: the optional behaviours of old Xen guests.
 *
 * Shows: the four a 32-bit PAE guest may ask for (4 GiB segments, with
 * notification, writable page tables, extended CR3) are accepted, on and
 * off, because Warden already behaves that way or they do not apply; the
 * others are -EINVAL, and so is an unknown command.
 * Cannot show: the behaviours themselves (other tests do: pt-write for
 * writable page tables).
 */
#include "guest/lib/hypercall.h"
#include "guest/lib/test.h"
#include "include/public/errno.h"
#include "lib/format.h"
#include "include/public/vm_assist.h"

static const struct {
	uint32_t type;
	long want;
} cases[] = {
	{ VMASST_TYPE_4gb_segments, 0 },
	{ VMASST_TYPE_4gb_segments_notify, 0 },
	{ VMASST_TYPE_writable_pagetables, 0 },
	{ VMASST_TYPE_pae_extended_cr3, 0 },
	{ VMASST_TYPE_architectural_iopl, -XEN_EINVAL },
	{ VMASST_TYPE_runstate_update_flag, -XEN_EINVAL },
	{ VMASST_TYPE_m2p_strict, -XEN_EINVAL },
	{ 31, -XEN_EINVAL },
};

void test_main(void)
{
	for (unsigned i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char what[40];

		sformat(what, sizeof(what), "enable type %u", cases[i].type);
		test_eq(what, hc_vm_assist(VMASST_CMD_enable, cases[i].type), cases[i].want);
		sformat(what, sizeof(what), "disable type %u", cases[i].type);
		test_eq(what, hc_vm_assist(VMASST_CMD_disable, cases[i].type), cases[i].want);
	}
	test_eq("unknown command", hc_vm_assist(2, VMASST_TYPE_writable_pagetables),
		-XEN_EINVAL);
}
