/*
 * warden.h - Warden's own calls: watches, and the monitor's event ring.
 *
 * A watch is a byte range of a domain's pseudo-physical memory and the
 * accesses to catch there (WATCH_WRITE, WATCH_EXEC; reads are not caught
 * yet).  A write into a watched range pauses the writing vCPU; Warden puts
 * a request on the monitor's event ring and raises the monitor's event
 * channel; the monitor answers with a verdict on the same ring; Warden
 * applies it and the vCPU goes on.
 *
 * Two hypercalls, numbered in Warden's range (xen.h):
 *
 *   warden_watch_op(cmd, struct warden_watch *)      WATCH_OP_*
 *       A guest watches its own memory (domid DOMID_SELF, by virtual
 *       address); the monitor any domain's, by virtual or pseudo-physical
 *       address.  add returns the watch's id (> 0).
 *   warden_monitor_op(cmd, arg)                      MONITOR_OP_*
 *       The monitor only (the domain started with the word `monitor`);
 *       every other domain gets -EPERM.
 */
#ifndef PUBLIC_WARDEN_H
#define PUBLIC_WARDEN_H

#define __HYPERVISOR_warden_watch_op	56
#define __HYPERVISOR_warden_monitor_op	57

#define WATCH_OP_add		0
#define WATCH_OP_del		1	/* by id */
#define WATCH_OP_list		2	/* struct warden_watch_list */

#define WATCH_WRITE		1	/* access kinds */
#define WATCH_EXEC		2	/* an instruction fetched from the range */

#define WATCH_ADDR_VIRTUAL	0	/* addr is guest-virtual (translated now) */
#define WATCH_ADDR_PHYSICAL	1	/* addr is pseudo-physical */

#define MONITOR_OP_ring_register 0	/* struct warden_ring_register * */
#define MONITOR_OP_ready	1	/* guests may start (they wait till then) */
#define MONITOR_OP_responses	2	/* responses are on the ring: take them */
#define MONITOR_OP_read_memory	3	/* struct warden_memory_op * */
#define MONITOR_OP_write_memory	4	/* struct warden_memory_op * */
#define MONITOR_OP_get_regs	5	/* struct warden_vcpu_regs * */
#define MONITOR_OP_pause	6	/* arg: domid */
#define MONITOR_OP_unpause	7	/* arg: domid */
#define MONITOR_OP_stats	8	/* struct warden_watch_stats * */

/* Verdicts */
#define WATCH_ALLOW		0	/* Warden performs the write */
#define WATCH_DENY		1	/* the write does not happen */
#define WATCH_WRITE_VALUE	2	/* Warden writes response.value instead */
#define WATCH_ALLOW_REMOVE	3	/* allow, and remove the watch */

/* Response flags */
#define WATCH_DENY_FAULT	1	/* deny by a page fault, not by skipping */

#define WATCH_INSN_MAX		16
#define WATCH_RING_MAX_ORDER	5	/* at most 32 slots */

#ifndef __ASSEMBLER__
#include <stdint.h>

struct warden_watch {
	uint16_t domid;			/* DOMID_SELF or a domain id */
	uint8_t access;			/* WATCH_WRITE */
	uint8_t addr_kind;		/* WATCH_ADDR_* */
	uint32_t addr;
	uint32_t len;			/* bytes, 1 to 1 MiB */
	uint32_t id;			/* out (add), in (del) */
};

struct warden_watch_list {
	uint16_t domid;			/* in: whose watches */
	uint16_t max;			/* in: room in entries[] */
	uint32_t count;			/* out: how many there are */
	uint32_t entries;		/* in: guest-virtual address of
					 * struct warden_watch[max] (addr_kind
					 * physical in each) */
};

/* The monitor's event ring: one page of the monitor's memory. */
struct warden_ring_register {
	uint32_t page;			/* guest-virtual address, page-aligned */
	uint32_t port;			/* the monitor's port Warden raises */
	uint32_t order;			/* 2^order slots, 1 to WATCH_RING_MAX_ORDER */
	uint32_t timeout_ms;		/* answer within this, or the default
					 * verdict applies; 0: Warden's default */
};

struct watch_request {
	uint32_t seq;			/* 1, 2, 3, ... never reused */
	uint16_t domid, vcpu;
	uint32_t gva, gpa;		/* where the write goes */
	uint32_t eip, cr3;		/* cr3: the guest's, pseudo-physical */
	uint8_t access;			/* WATCH_WRITE or WATCH_EXEC */
	uint8_t size;			/* bytes written (1 to 8; 0: unknown) */
	uint8_t insn_len;
	uint8_t pad;
	uint32_t watch_id;		/* the watch hit */
	uint64_t old_value, new_value;	/* little-endian, size bytes */
	uint8_t insn[WATCH_INSN_MAX];
	uint64_t time_ns;		/* Warden's system time */
};

struct watch_response {
	uint32_t seq;			/* the request's */
	uint8_t verdict;		/* WATCH_ALLOW ... */
	uint8_t flags;			/* WATCH_DENY_FAULT */
	uint16_t pad;
	uint64_t value;			/* for WATCH_WRITE_VALUE */
};

/*
 * Indices run freely (they only grow; the slot is index & (size - 1)).
 * Warden produces requests and consumes responses; the monitor consumes
 * requests and produces responses.  Each side writes only its own two
 * indices.  Warden keeps its own copies and checks everything the monitor
 * writes: a response with a sequence number Warden is not waiting for, or
 * an unknown verdict, is refused and counted.
 */
struct watch_ring {
	uint32_t req_prod;		/* Warden */
	uint32_t req_cons;		/* monitor */
	uint32_t rsp_prod;		/* monitor */
	uint32_t rsp_cons;		/* Warden */
	uint32_t size;			/* slots, set by Warden */
	uint32_t pad[11];
	struct watch_request req[1 << WATCH_RING_MAX_ORDER];
	struct watch_response rsp[1 << WATCH_RING_MAX_ORDER];
};

struct warden_memory_op {
	uint16_t domid;
	uint16_t addr_kind;		/* WATCH_ADDR_* */
	uint32_t addr;			/* in that domain */
	uint32_t buffer;		/* in the monitor (guest-virtual) */
	uint32_t len;			/* at most 4096 */
};

struct warden_vcpu_regs {
	uint16_t domid, vcpu;
	uint32_t eax, ebx, ecx, edx, esi, edi, ebp, esp, eip, eflags;
	uint32_t cs, ss, cr2, cr3;
};

struct warden_watch_stats {
	uint64_t events, allowed, denied, values_written, removed;
	uint64_t near_misses, ring_waits, bad_responses, timeouts;
	uint64_t default_verdicts, refused_warden_writes, single_steps;
};

_Static_assert(sizeof(struct watch_request) == 72, "watch_request layout");
_Static_assert(sizeof(struct watch_response) == 16, "watch_response layout");
_Static_assert(sizeof(struct watch_ring) <= 4096, "the ring fits a page");

#endif /* __ASSEMBLER__ */
#endif
