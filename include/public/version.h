/*
 * version.h - what hypervisor is this: __HYPERVISOR_xen_version(cmd, arg).
 *
 * XENVER_version returns (major << 16) | minor and XENVER_pagesize the
 * page size; both ignore arg.  Commands 1-6, 8 and 9 fill the buffer at
 * arg and return 0; 10-14, the variable-length forms of newer Xen, return
 * the number of bytes written.
 */
#ifndef PUBLIC_VERSION_H
#define PUBLIC_VERSION_H

#define XENVER_version			0	/* arg: 0 */
#define XENVER_extraversion		1	/* arg: char[XEN_EXTRAVERSION_LEN] */
#define XENVER_compile_info		2	/* arg: struct xen_compile_info * */
#define XENVER_capabilities		3	/* arg: char[XEN_CAPABILITIES_INFO_LEN] */
#define XENVER_changeset		4	/* arg: char[XEN_CHANGESET_INFO_LEN] */
#define XENVER_platform_parameters	5	/* arg: struct xen_platform_parameters * */
#define XENVER_get_features		6	/* arg: struct xen_feature_info * */
#define XENVER_pagesize			7	/* arg: 0; returns the page size */
#define XENVER_guest_handle		8	/* arg: uint8_t[16], the domain's UUID */
#define XENVER_commandline		9	/* arg: char[XEN_COMMANDLINE_LEN] */
#define XENVER_build_id			10
#define XENVER_extraversion2		11
#define XENVER_capabilities2		12
#define XENVER_changeset2		13
#define XENVER_commandline2		14

#define XEN_EXTRAVERSION_LEN		16
#define XEN_CAPABILITIES_INFO_LEN	1024
#define XEN_CHANGESET_INFO_LEN		64
#define XEN_COMMANDLINE_LEN		1024

#ifndef __ASSEMBLER__
#include <stdint.h>

struct xen_compile_info {
	char compiler[64];
	char compile_by[16];
	char compile_domain[32];
	char compile_date[32];
};

/* Where the hypervisor's hole starts: HYPERVISOR_VIRT_START (arch_x86_32.h). */
struct xen_platform_parameters {
	uint32_t virt_start;
};

/* Feature bits, 32 at a time: the caller sets submap_idx. */
struct xen_feature_info {
	uint32_t submap_idx;
	uint32_t submap;
};

_Static_assert(sizeof(struct xen_compile_info) == 144, "Xen's xen_compile_info");
_Static_assert(sizeof(struct xen_feature_info) == 8, "Xen's xen_feature_info");

#endif /* __ASSEMBLER__ */
#endif
