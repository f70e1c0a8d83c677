/*
 * hc_version.c - xen_version and vm_assist: what a Xen-ABI guest asks
 * before anything else.  Warden answers as a Xen 4.17 would, as far as the
 * 32-bit PAE ABI goes.
 */
#include "arch/x86_32/memlayout.h"
#include "core/hypercall.h"
#include "include/public/errno.h"
#include "include/public/version.h"
#include "include/public/vm_assist.h"
#include "lib/string.h"
#include "shadow/guest_copy.h"

#define WARDEN_XEN_VERSION	((4 << 16) | 17)
#define XENFEAT_writable_page_tables 0	/* direct page-table writes work */

static long copy_string(struct vcpu *v, uint32_t to, const char *s, uint32_t size)
{
	char buf[64] = { 0 };

	memcpy(buf, s, strlen(s) + 1);
	return guest_copy_to(&v->shadow, to, buf, size) ? 0 : -XEN_EFAULT;
}

static long get_features(struct vcpu *v, uint32_t to)
{
	struct xen_feature_info f;

	if (!guest_copy_from(&v->shadow, &f, to, sizeof(f)))
		return -XEN_EFAULT;
	f.submap = f.submap_idx == 0 ? 1u << XENFEAT_writable_page_tables : 0;
	return guest_copy_to(&v->shadow, to, &f, sizeof(f)) ? 0 : -XEN_EFAULT;
}

static long platform_parameters(struct vcpu *v, uint32_t to)
{
	struct xen_platform_parameters p = { M2P_BASE };

	return guest_copy_to(&v->shadow, to, &p, sizeof(p)) ? 0 : -XEN_EFAULT;
}

static long capabilities(struct vcpu *v, uint32_t to)
{
	static char caps[XEN_CAPABILITIES_INFO_LEN] = "xen-3.0-x86_32p";

	return guest_copy_to(&v->shadow, to, caps, sizeof(caps)) ? 0 : -XEN_EFAULT;
}

long hc_xen_version(struct vcpu *v, const uint32_t *arg)
{
	switch (arg[0]) {
	case XENVER_version:
		return WARDEN_XEN_VERSION;
	case XENVER_extraversion:
		return copy_string(v, arg[1], "-warden", XEN_EXTRAVERSION_LEN);
	case XENVER_changeset:
		return copy_string(v, arg[1], "warden", XEN_CHANGESET_INFO_LEN);
	case XENVER_capabilities:
		return capabilities(v, arg[1]);
	case XENVER_platform_parameters:
		return platform_parameters(v, arg[1]);
	case XENVER_get_features:
		return get_features(v, arg[1]);
	case XENVER_pagesize:
		return PAGE_SIZE;
	default:
		return -XEN_ENOSYS;
	}
}

/* Warden already does what each of these asks (or they do not apply). */
long hc_vm_assist(struct vcpu *v, const uint32_t *arg)
{
	(void)v;
	if (arg[0] != VMASST_CMD_enable && arg[0] != VMASST_CMD_disable)
		return -XEN_EINVAL;
	return arg[1] <= VMASST_TYPE_pae_extended_cr3 ? 0 : -XEN_EINVAL;
}
