/*
 * xen_notes.h - reading the Xen ELF notes of a guest kernel image.
 *
 * A kernel built for Xen carries notes named "Xen" (include/public/
 * elfnote.h) that tell its loader where its hypercall page is, where its
 * image is linked, which ABI it expects.  The domain builder reads them
 * with xen_notes_parse() after core/elf_check.c has accepted the image,
 * and works from struct xen_notes alone.
 */
#ifndef CORE_XEN_NOTES_H
#define CORE_XEN_NOTES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * What the notes said.  A note that is absent leaves its field zero (and
 * its has_ flag false; Xen's default for a missing PADDR_OFFSET is 0
 * anyway).  Strings are NUL-terminated, printable ASCII, "" if absent.
 * If a note appears twice, the later one wins.
 */
struct xen_notes {
	bool present;			/* the image has at least one Xen note */
	uint32_t entry;			/* XEN_ELFNOTE_ENTRY */
	uint32_t hypercall_page;	/* XEN_ELFNOTE_HYPERCALL_PAGE */
	uint32_t virt_base;		/* XEN_ELFNOTE_VIRT_BASE */
	uint32_t paddr_offset;		/* XEN_ELFNOTE_PADDR_OFFSET */
	bool has_entry, has_hypercall_page, has_virt_base;
	char guest_os[32];		/* XEN_ELFNOTE_GUEST_OS */
	char xen_version[16];		/* XEN_ELFNOTE_XEN_VERSION */
	char loader[16];		/* XEN_ELFNOTE_LOADER */
	char pae_mode[16];		/* XEN_ELFNOTE_PAE_MODE */
	char features[128];		/* XEN_ELFNOTE_FEATURES */
};

/*
 * Collect the Xen notes of image[0..size) into *out.  NULL on success,
 * otherwise a short reason for a console line, such as "note at offset
 * 0x1f0 runs past its segment" or "XEN_ELFNOTE_ENTRY has 3 bytes, expected
 * 4 or 8"; the reason may point into a static buffer that the next call
 * overwrites, and *out may be partly filled.  Notes of other owners and
 * Xen note types Warden does not use are skipped.  The image should have
 * passed elf_check(); the bounds this file relies on are checked again
 * anyway, so no input makes it read outside the image.
 */
const char *xen_notes_parse(const void *image, size_t size, struct xen_notes *out);

#endif
