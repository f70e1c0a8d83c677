/*
 * guest_copy.h - Warden reading and writing a guest's memory by the
 * guest's own virtual addresses (hypercall arguments, trap frames).
 */
#ifndef SHADOW_GUEST_COPY_H
#define SHADOW_GUEST_COPY_H

#include <stdbool.h>
#include <stdint.h>
#include "shadow/shadow.h"

/* Copy len bytes from guest address va; false if any byte is not readable
 * by the guest kernel. */
bool guest_copy_from(const struct shadow *s, void *dst, uint32_t va,
		     uint32_t len);

/* The same with the rights of the code that reads: GW_USER for ring 3
 * (guest_walk.h), 0 for the guest kernel. */
bool guest_read(const struct shadow *s, void *dst, uint32_t va, uint32_t len,
		uint32_t rights);

/* Copy len bytes to guest address va; false (with some bytes perhaps
 * written) if any byte is not writable by the guest kernel, or lies in a
 * frame Warden keeps read-only (a page table, the GDT). */
bool guest_copy_to(const struct shadow *s, uint32_t va, const void *src,
		   uint32_t len);

/* How many of Warden's writes on guests' behalf hit a watched page (and
 * were refused). */
extern uint64_t guest_copy_refused_watched;

#endif
