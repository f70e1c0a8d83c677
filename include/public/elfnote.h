/*
 * elfnote.h - the ELF notes through which a guest kernel image tells its
 * loader what it needs.
 *
 * Each note sits in a PT_NOTE segment with the name "Xen" and one of the
 * types below.  Numeric notes hold a 4- or 8-byte little-endian number;
 * string notes hold NUL-terminated ASCII.  A kernel built for Xen says,
 * for example, where its hypercall page is (the loader fills it), which
 * virtual address its image is linked at, and that it uses PAE.
 * core/xen_notes.c reads the ones Warden uses.
 */
#ifndef PUBLIC_ELFNOTE_H
#define PUBLIC_ELFNOTE_H

#define XEN_ELFNOTE_NAME		"Xen"

#define XEN_ELFNOTE_INFO		0	/* string: NAME=VALUE */
#define XEN_ELFNOTE_ENTRY		1	/* number: virtual entry point */
#define XEN_ELFNOTE_HYPERCALL_PAGE	2	/* number: virtual address of the page */
#define XEN_ELFNOTE_VIRT_BASE		3	/* number: where the image is mapped (0) */
#define XEN_ELFNOTE_PADDR_OFFSET	4	/* number: p_paddr minus the real address (0) */
#define XEN_ELFNOTE_XEN_VERSION		5	/* string: "xen-3.0" */
#define XEN_ELFNOTE_GUEST_OS		6	/* string: the kernel's name */
#define XEN_ELFNOTE_GUEST_VERSION	7	/* string */
#define XEN_ELFNOTE_LOADER		8	/* string: "generic" */
#define XEN_ELFNOTE_PAE_MODE		9	/* string: "yes", "no", "bimodal" */
#define XEN_ELFNOTE_FEATURES		10	/* string: features, '|'-separated */
#define XEN_ELFNOTE_BSD_SYMTAB		11	/* string: "yes" or "no" */
#define XEN_ELFNOTE_HV_START_LOW	12	/* number */
#define XEN_ELFNOTE_L1_MFN_VALID	13	/* numbers: mask/value pairs */
#define XEN_ELFNOTE_SUSPEND_CANCEL	14	/* number */
#define XEN_ELFNOTE_INIT_P2M		15	/* number (64-bit guests) */
#define XEN_ELFNOTE_MOD_START_PFN	16	/* number */
#define XEN_ELFNOTE_SUPPORTED_FEATURES	17	/* number: a feature bitmap */
#define XEN_ELFNOTE_PHYS32_ENTRY	18	/* number: PVH entry (HVM guests) */

#endif
