/*
 * head.S - where a guest kernel starts, and what it tells its loader.
 *
 * The Xen ELF notes say how to load this kernel: where its image is mapped
 * (VIRT_BASE), where to start it (ENTRY), which page to fill with hypercall
 * stubs (HYPERCALL_PAGE) and that it wants PAE page tables.  Warden's
 * domain builder reads them (core/xen_notes.c).
 *
 * The builder starts us in ring 1 with ESP at a boot stack, ESI pointing
 * at start_info, and events masked.  We move to our own stack and call
 * guest_start(start_info) in C (backend_pv.c), which never returns.
 */
#include "include/public/elfnote.h"

#define GUEST_VIRT_BASE 0xC0000000

/* One note: name "Xen", then the descriptor the caller's lines emit. */
.macro xen_note_begin type
	.pushsection .note.Xen, "a", @note
	.balign 4
	.long 4				/* name size: "Xen\0" */
	.long 4f - 3f			/* descriptor size */
	.long \type
	.asciz "Xen"
	.balign 4
3:
.endm

.macro xen_note_end
4:	.balign 4
	.popsection
.endm

.macro xen_note_string type, value
	xen_note_begin \type
	.asciz "\value"
	xen_note_end
.endm

.macro xen_note_long type, value
	xen_note_begin \type
	.long \value
	xen_note_end
.endm

	xen_note_string XEN_ELFNOTE_GUEST_OS, warden-guest
	xen_note_string XEN_ELFNOTE_XEN_VERSION, xen-3.0
	xen_note_string XEN_ELFNOTE_LOADER, generic
	xen_note_string XEN_ELFNOTE_PAE_MODE, yes
	xen_note_long XEN_ELFNOTE_VIRT_BASE, GUEST_VIRT_BASE
	xen_note_long XEN_ELFNOTE_ENTRY, _start
	xen_note_long XEN_ELFNOTE_HYPERCALL_PAGE, hypercall_page

	.text
	.globl _start
_start:
	cld
	movl $guest_stack_top, %esp
	xorl %ebp, %ebp
	pushl %esi			/* struct start_info * */
	call guest_start
	ud2

	.balign 4096
	.globl hypercall_page
hypercall_page:				/* the loader fills it */
	.fill 4096, 1, 0xcc

	.bss
	.balign 4096
guest_stack:
	.space 16384
	.globl guest_stack_top
guest_stack_top:
