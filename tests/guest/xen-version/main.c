/*
 * xen-version: the questions a Xen-ABI kernel asks first.
 *
 * Shows: the version is a Xen 3.0 or later; extraversion, capabilities
 * ("xen-3.0-x86_32p": a 32-bit PAE guest), platform parameters (where
 * Warden's hole starts: HYPERVISOR_VIRT_START), feature bits (writable page
 * tables) and the page size come back through the guest's pointer; a
 * pointer Warden cannot write is -EFAULT; an unknown command -ENOSYS.
 * Cannot show: that the answers match a real Xen's beyond these fields.
 */
#include "guest/lib/hypercall.h"
#include "guest/lib/test.h"
#include "include/public/errno.h"
#include "include/public/version.h"
#include "lib/string.h"

#define XENFEAT_writable_page_tables	0

static char caps[XEN_CAPABILITIES_INFO_LEN];

void test_main(void)
{
	char extra[XEN_EXTRAVERSION_LEN + 1] = "";	/* the last byte stays 0 */
	struct xen_platform_parameters p = { 0 };
	struct xen_feature_info f = { 0, 0 };
	long v = hc_xen_version(XENVER_version, 0);

	if (v >> 16 < 3)
		test_fail("version %ld.%ld: older than Xen 3.0", v >> 16, v & 0xffff);
	test_eq("extraversion", hc_xen_version(XENVER_extraversion, extra), 0);
	if (strlen(extra) == 0 || strlen(extra) >= XEN_EXTRAVERSION_LEN)
		test_fail("extraversion is empty or not terminated");
	test_eq("capabilities", hc_xen_version(XENVER_capabilities, caps), 0);
	if (strcmp(caps, "xen-3.0-x86_32p") != 0)
		test_fail("capabilities \"%.40s\", expected xen-3.0-x86_32p", caps);
	test_eq("platform parameters", hc_xen_version(XENVER_platform_parameters, &p), 0);
	test_eq("virt_start", p.virt_start, HYPERVISOR_VIRT_START);
	test_eq("get_features", hc_xen_version(XENVER_get_features, &f), 0);
	test_eq("writable page tables",
		f.submap >> XENFEAT_writable_page_tables & 1, 1);
	test_eq("pagesize", hc_xen_version(XENVER_pagesize, 0), 4096);
	test_eq("extraversion to an unmapped buffer",
		hc_xen_version(XENVER_extraversion, (void *)0x1000), -XEN_EFAULT);
	test_eq("capabilities to a read-only page",
		hc_xen_version(XENVER_capabilities, (void *)(uintptr_t)start_info->pt_base),
		-XEN_EFAULT);
	test_eq("unknown command", hc_xen_version(99, 0), -XEN_ENOSYS);
}
