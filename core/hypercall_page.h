/*
 * hypercall_page.h - the code Warden writes into a guest's hypercall page.
 *
 * A Xen guest names a page of its image with XEN_ELFNOTE_HYPERCALL_PAGE and
 * makes hypercall nr by calling the 32-byte entry nr of that page.  The
 * domain builder fills the page with hypercall_page_fill() before the guest
 * runs.
 */
#ifndef CORE_HYPERCALL_PAGE_H
#define CORE_HYPERCALL_PAGE_H

#include <stdint.h>

#define HYPERCALL_PAGE_SIZE	4096

/* Write all HYPERCALL_PAGE_ENTRIES entries, exactly as 32-bit Xen does. */
void hypercall_page_fill(uint8_t page[HYPERCALL_PAGE_SIZE]);

#endif
