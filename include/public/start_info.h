/*
 * start_info.h - what a guest finds when it first runs.
 *
 * The domain builder lays out the start of the guest's address space as
 * Xen does, in one contiguous run of 4 KiB-aligned pieces mapped by the
 * guest's first page tables, in this order:
 *
 *	the kernel image, at its ELF addresses
 *	the module (initial ram disk), if any      [mod_start, mod_len]
 *	the frame list, one 32-bit entry a page    [mfn_list, nr_pages]
 *	the start_info page                        [ESI on entry]
 *	the bootstrap page tables                  [pt_base, CR3]
 *	the bootstrap stack                        [ESP on entry]
 *
 * The run ends on a 4 MiB boundary with at least 512 KiB to spare.  It
 * maps the guest's first frames in order (virtual address - image base =
 * pseudo-physical address), so the guest can find each piece's frame from
 * its virtual address.  Everything is mapped writable except the page
 * tables, which are read-only.  (Xen also gives its non-dom0 guests a
 * xenstore page and a console ring page, between start_info and the page
 * tables: store_mfn and console.domU.)
 *
 * On Warden every frame number here is pseudo-physical, and the frame
 * list maps each frame to itself: a guest that translates through it, as
 * Xen guests must, writes correct page-table entries.
 */
#ifndef PUBLIC_START_INFO_H
#define PUBLIC_START_INFO_H

#define XEN_START_INFO_MAGIC	"xen-3.0-x86_32p"	/* 32-bit PAE guest */
#define MAX_GUEST_CMDLINE	1024

/* start_info.flags */
#define SIF_PRIVILEGED		(1 << 0)	/* may use privileged calls */
#define SIF_INITDOMAIN		(1 << 1)	/* the first domain (dom0) */
#define SIF_MULTIBOOT_MOD	(1 << 2)	/* the module is a multiboot module list */
#define SIF_MOD_START_PFN	(1 << 3)	/* mod_start is a frame, not an address */
#define SIF_VIRT_P2M_4TOOLS	(1 << 4)
#define SIF_PM_MASK		(0xFF << 8)

#ifndef __ASSEMBLER__
#include <stddef.h>
#include <stdint.h>

struct start_info {
	/* Set at boot and again on resume. */
	char magic[32];			/* XEN_START_INFO_MAGIC, NUL-padded */
	uint32_t nr_pages;		/* pages the domain owns */
	uint32_t shared_info;		/* byte address of the shared page */
	uint32_t flags;			/* SIF_* */
	uint32_t store_mfn;		/* frame of the xenstore ring */
	uint32_t store_evtchn;
	union {
		struct {
			uint32_t mfn;	/* frame of the console ring */
			uint32_t evtchn;
		} domU;
		struct {
			uint32_t info_off;	/* dom0's video console info */
			uint32_t info_size;
		} dom0;
	} console;
	/* Set at boot only. */
	uint32_t pt_base;		/* virtual address of the top page table */
	uint32_t nr_pt_frames;		/* bootstrap page-table frames */
	uint32_t mfn_list;		/* virtual address of the frame list */
	uint32_t mod_start;		/* virtual address (or frame) of the module */
	uint32_t mod_len;		/* its size in bytes, 0 if none */
	char cmd_line[MAX_GUEST_CMDLINE];	/* NUL-terminated */
	uint32_t first_p2m_pfn;		/* frames of a relocated frame list */
	uint32_t nr_p2m_frames;
};

/* Xen's 32-bit layout. */
_Static_assert(offsetof(struct start_info, nr_pages) == 32, "start_info layout");
_Static_assert(offsetof(struct start_info, flags) == 40, "start_info layout");
_Static_assert(offsetof(struct start_info, console) == 52, "start_info layout");
_Static_assert(offsetof(struct start_info, pt_base) == 60, "start_info layout");
_Static_assert(offsetof(struct start_info, mod_len) == 76, "start_info layout");
_Static_assert(offsetof(struct start_info, cmd_line) == 80, "start_info layout");
_Static_assert(offsetof(struct start_info, first_p2m_pfn) == 1104, "start_info layout");
_Static_assert(sizeof(struct start_info) == 1112, "start_info layout");

#endif /* __ASSEMBLER__ */
#endif
