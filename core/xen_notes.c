/*
 * xen_notes.c - finding and checking the Xen notes in a kernel image.
 *
 * Notes live in PT_NOTE segments.  A segment is a sequence of notes, each
 *
 *	n_namesz, n_descsz, n_type	three 32-bit words
 *	name				n_namesz bytes, "Xen\0" for ours
 *	desc				n_descsz bytes, the value
 *
 * with name and desc each padded to a multiple of 4 bytes.  Every size in
 * there comes from the image, so each note is checked to lie inside its
 * segment before a byte of it is read, with sums formed in 64 bits where
 * 32-bit ones could wrap.  A note that runs past its segment, or a value of
 * the wrong shape, refuses the whole image: the builder would otherwise
 * start a kernel on a guess.
 *
 * Values: numeric notes are 4 or 8 bytes, little-endian (an 8-byte one
 * must be below 4 GiB, the guest's whole address space); string notes must
 * end with a NUL inside the desc, fit their field in struct xen_notes, and
 * be printable ASCII, since they end up on the console.
 */
#include <stdarg.h>

#include "core/elf.h"
#include "core/xen_notes.h"
#include "include/public/elfnote.h"
#include "lib/format.h"
#include "lib/reason.h"
#include "lib/string.h"

/* The fixed part of a note. */
struct elf32_nhdr {
	uint32_t n_namesz;
	uint32_t n_descsz;
	uint32_t n_type;
};

/* One note, located: its value is desc[0..descsz). */
struct note {
	uint64_t offset;		/* file offset of its header */
	uint32_t type;
	bool ours;			/* named "Xen" */
	const uint8_t *desc;
	uint32_t descsz;
	uint64_t next;			/* segment offset of the next note */
};

/* n rounded up to a multiple of 4, without wrapping. */
static uint64_t pad4(uint64_t n)
{
	return (n + 3) & ~(uint64_t)3;
}

/*
 * Locate the note at seg[pos..len).  The header, the padded name and the
 * desc must all fit; the desc's padding may be missing at the very end of
 * the segment.
 */
static const char *read_note(const uint8_t *seg, uint64_t seg_offset,
			     uint64_t len, uint64_t pos, struct note *n)
{
	struct elf32_nhdr h;
	uint64_t desc_at;

	*n = (struct note){ .offset = seg_offset + pos };
	if (len - pos < sizeof(h))
		return reason("note at offset 0x%llx runs past its segment",
			      (unsigned long long)n->offset);
	memcpy(&h, seg + pos, sizeof(h));
	desc_at = pos + sizeof(h) + pad4(h.n_namesz);
	if (desc_at > len || h.n_descsz > len - desc_at)
		return reason("note at offset 0x%llx runs past its segment",
			      (unsigned long long)n->offset);
	n->type = h.n_type;
	n->ours = h.n_namesz == sizeof(XEN_ELFNOTE_NAME) &&
		  memcmp(seg + pos + sizeof(h), XEN_ELFNOTE_NAME,
			 sizeof(XEN_ELFNOTE_NAME)) == 0;
	n->desc = seg + desc_at;
	n->descsz = h.n_descsz;
	n->next = desc_at + pad4(h.n_descsz);
	return NULL;
}

/* Names for reasons, for the types this file reads. */
static const char *const names[] = {
	[XEN_ELFNOTE_ENTRY] = "XEN_ELFNOTE_ENTRY",
	[XEN_ELFNOTE_HYPERCALL_PAGE] = "XEN_ELFNOTE_HYPERCALL_PAGE",
	[XEN_ELFNOTE_VIRT_BASE] = "XEN_ELFNOTE_VIRT_BASE",
	[XEN_ELFNOTE_PADDR_OFFSET] = "XEN_ELFNOTE_PADDR_OFFSET",
	[XEN_ELFNOTE_XEN_VERSION] = "XEN_ELFNOTE_XEN_VERSION",
	[XEN_ELFNOTE_GUEST_OS] = "XEN_ELFNOTE_GUEST_OS",
	[XEN_ELFNOTE_LOADER] = "XEN_ELFNOTE_LOADER",
	[XEN_ELFNOTE_PAE_MODE] = "XEN_ELFNOTE_PAE_MODE",
	[XEN_ELFNOTE_FEATURES] = "XEN_ELFNOTE_FEATURES",
};

/* A 4- or 8-byte little-endian number below 4 GiB; has may be NULL. */
static const char *number(const struct note *n, uint32_t *value, bool *has)
{
	uint64_t v = 0;

	if (n->descsz != 4 && n->descsz != 8)
		return reason("%s has %u bytes, expected 4 or 8",
			      names[n->type], n->descsz);
	for (uint32_t i = n->descsz; i-- > 0;)
		v = v << 8 | n->desc[i];
	if (v > UINT32_MAX)
		return reason("%s is 0x%llx, not below 4 GiB", names[n->type],
			      (unsigned long long)v);
	*value = (uint32_t)v;
	if (has)
		*has = true;
	return NULL;
}

/* A NUL-terminated printable string that fits field[0..size). */
static const char *string(const struct note *n, char *field, size_t size)
{
	uint32_t len = 0;

	while (len < n->descsz && n->desc[len] != '\0')
		len++;
	if (len == n->descsz)
		return reason("%s is not NUL-terminated", names[n->type]);
	if (len >= size)
		return reason("%s is %u characters long, at most %u fit",
			      names[n->type], len, (unsigned)size - 1);
	for (uint32_t i = 0; i < len; i++)
		if (n->desc[i] < 0x20 || n->desc[i] > 0x7e)
			return reason("%s has byte 0x%02x, not printable ASCII",
				      names[n->type], n->desc[i]);
	memcpy(field, n->desc, len + 1);
	return NULL;
}

/* Store one Xen note's value; types Warden does not use are ignored. */
static const char *record(const struct note *n, struct xen_notes *out)
{
	out->present = true;
	switch (n->type) {
	case XEN_ELFNOTE_ENTRY:
		return number(n, &out->entry, &out->has_entry);
	case XEN_ELFNOTE_HYPERCALL_PAGE:
		return number(n, &out->hypercall_page, &out->has_hypercall_page);
	case XEN_ELFNOTE_VIRT_BASE:
		return number(n, &out->virt_base, &out->has_virt_base);
	case XEN_ELFNOTE_PADDR_OFFSET:
		return number(n, &out->paddr_offset, NULL);
	case XEN_ELFNOTE_XEN_VERSION:
		return string(n, out->xen_version, sizeof(out->xen_version));
	case XEN_ELFNOTE_GUEST_OS:
		return string(n, out->guest_os, sizeof(out->guest_os));
	case XEN_ELFNOTE_LOADER:
		return string(n, out->loader, sizeof(out->loader));
	case XEN_ELFNOTE_PAE_MODE:
		return string(n, out->pae_mode, sizeof(out->pae_mode));
	case XEN_ELFNOTE_FEATURES:
		return string(n, out->features, sizeof(out->features));
	default:
		return NULL;
	}
}

/* Every note of one PT_NOTE segment, already known to lie in the image. */
static const char *scan_segment(const uint8_t *image, const struct elf32_phdr *ph,
				struct xen_notes *out)
{
	const uint8_t *seg = image + ph->p_offset;
	uint64_t pos = 0;

	while (pos < ph->p_filesz) {
		struct note n;
		const char *why = read_note(seg, ph->p_offset, ph->p_filesz, pos, &n);

		if (why)
			return why;
		if (n.ours && (why = record(&n, out)))
			return why;
		pos = n.next;
	}
	return NULL;
}

/*
 * elf_check() has checked the header, the program header table and every
 * segment's file range; the checks below repeat only what this file reads,
 * so that it stays safe on an image that skipped elf_check().
 */
const char *xen_notes_parse(const void *image, size_t size, struct xen_notes *out)
{
	const uint8_t *bytes = image;
	struct elf32_ehdr eh;

	memset(out, 0, sizeof(*out));
	if (size < sizeof(eh))
		return "file is shorter than an ELF header";
	memcpy(&eh, bytes, sizeof(eh));
	if (eh.e_phentsize != sizeof(struct elf32_phdr) || eh.e_phoff > size ||
	    (size_t)eh.e_phnum * sizeof(struct elf32_phdr) > size - eh.e_phoff)
		return "program header table does not fit in the file";
	for (unsigned i = 0; i < eh.e_phnum; i++) {
		struct elf32_phdr ph;
		const char *why;

		memcpy(&ph, bytes + eh.e_phoff + i * sizeof(ph), sizeof(ph));
		if (ph.p_type != ELF_PT_NOTE)
			continue;
		if (ph.p_offset > size || ph.p_filesz > size - ph.p_offset)
			return reason("segment %u ends past the end of the file", i);
		why = scan_segment(bytes, &ph, out);
		if (why)
			return why;
	}
	return NULL;
}
