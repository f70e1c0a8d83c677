/*
 * frame.h - machine frames: who owns each one, and which are free.
 */
#ifndef MM_FRAME_H
#define MM_FRAME_H

#include <stdbool.h>
#include <stdint.h>

/* What a frame is used for. */
enum frame_type {
	FRAME_ABSENT,		/* no RAM here (a hole, or past the end) */
	FRAME_RESERVED,		/* firmware's, or the first MiB */
	FRAME_FREE,
	FRAME_WARDEN,		/* Warden's image and its own allocations */
	FRAME_BOOTINFO,		/* the multiboot information */
	FRAME_MODULE,		/* a multiboot module's image */
	FRAME_DOMAIN,		/* a domain's memory (owner: the domain) */
	FRAME_SHADOW,		/* a shadow page table (owner: the domain) */
	FRAME_TYPES
};

#define OWNER_NONE	0xffff
#define OWNER_WARDEN	0x7ff2		/* Xen's DOMID_XEN */

struct frame_info {
	union {
		uint32_t next_free;	/* free-list link, while FRAME_FREE */
		uint32_t pfn;		/* the owner's pseudo-physical frame
					 * number, for FRAME_DOMAIN */
	};
	uint16_t owner;		/* a domain id, OWNER_WARDEN or OWNER_NONE */
	uint8_t type;		/* enum frame_type */
	uint8_t reserved;
};

#define FRAME_NONE 0xffffffffu

/* Take over table[0..nframes) as the frame table; every frame ABSENT. */
void frame_table_init(struct frame_info *table, uint32_t nframes);

/* Mark [first, first + count) as RAM that may be handed out. */
void frame_add_free(uint32_t first, uint32_t count);

/* Mark [first, first + count) as in use; free frames leave the free list. */
void frame_claim(uint32_t first, uint32_t count, enum frame_type type,
		 uint16_t owner);

/* A free frame, now of the given type and owner, or FRAME_NONE. */
uint32_t frame_alloc(enum frame_type type, uint16_t owner);

/* Record which pseudo-physical frame of its owner a domain frame is. */
void frame_set_pfn(uint32_t mfn, uint32_t pfn);

/* Give a frame back; false (and nothing changes) if it was not in use. */
bool frame_free(uint32_t mfn);

const struct frame_info *frame_get(uint32_t mfn);	/* NULL past the end */
uint32_t frame_count(enum frame_type type);
uint32_t frame_total(void);
const char *frame_type_name(enum frame_type type);

#endif
