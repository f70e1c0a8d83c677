/*
 * descriptor.h - encoding segment descriptors and gate descriptors.
 *
 * Pure functions, unit-tested on the host: the bit layout of a descriptor
 * is the kind of thing one gets wrong once and debugs for a day.
 */
#ifndef ARCH_X86_32_DESCRIPTOR_H
#define ARCH_X86_32_DESCRIPTOR_H

#include <stdint.h>

/* Access byte: present, DPL, type. */
#define DESC_P			0x80
#define DESC_DPL(n)		((unsigned)(n) << 5)
#define DESC_CODE_DATA		0x10	/* S: code or data, not system */
#define DESC_CODE_READ		0x0a	/* execute/read */
#define DESC_DATA_WRITE		0x02	/* read/write */
#define DESC_ACCESSED		0x01
#define DESC_TSS_AVAIL		0x09	/* 32-bit TSS, not busy */

#define GATE_TASK		0x5
#define GATE_INTERRUPT		0xe	/* clears IF on entry */
#define GATE_TRAP		0xf	/* leaves IF as it was */

/* A segment of limit_pages pages (4 KiB granularity, 32-bit) at base. */
uint64_t desc_segment(uint32_t base, uint32_t limit_pages, unsigned access);

/* A byte-granular system segment such as a TSS; limit is its last byte. */
uint64_t desc_system(uint32_t base, uint32_t limit, unsigned access);

/* An IDT gate: handler offset and selector, type, and the DPL that decides
 * which rings may reach it with a software `int`. */
uint64_t desc_gate(uint32_t offset, uint16_t selector, unsigned type,
		   unsigned dpl);

#endif
