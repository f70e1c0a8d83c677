/*
 * table_write.h - a guest's write to one of its own page tables.
 */
#ifndef CORE_TABLE_WRITE_H
#define CORE_TABLE_WRITE_H

#include <stdint.h>
#include "core/domain.h"

/*
 * Write len bytes at byte offset of guest frame pfn, a page table: check
 * every entry the write touches at each level a shadow uses it at, write
 * it, and drop the shadow entries made from it.  NULL, or why the write
 * is refused (nothing is written then; a frame of the GDT is refused).
 */
const char *table_write(struct vcpu *v, uint32_t pfn, uint32_t offset,
			const void *bytes, uint32_t len);

/* Write to guest frame pfn by its number, as a hypercall does: through
 * table_write() if shadows copy it, refused if it is part of the GDT,
 * plainly otherwise. */
const char *guest_frame_write(struct vcpu *v, uint32_t pfn, uint32_t offset,
			      const void *bytes, uint32_t len);

#endif
