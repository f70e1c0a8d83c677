/*
 * shared_info.h - the page Warden and a guest both write: virtual
 * interrupts (events) and time.
 *
 * A guest cannot use the CPU's interrupt flag (cli/sti do nothing for real
 * in ring 1), so its interrupts are virtual and live in this page:
 *
 *  - Event channel P is pending when bit P of evtchn_pending is set, and
 *    masked when bit P of evtchn_mask is set.  Warden sets pending bits;
 *    the guest clears them and owns the mask.
 *  - When a channel that is not masked becomes pending, Warden also sets
 *    bit P / 32 of the vCPU's evtchn_pending_sel and its
 *    evtchn_upcall_pending, and, unless evtchn_upcall_mask is set, enters
 *    the guest's event callback (callback.h).  evtchn_upcall_mask is the
 *    guest's interrupt flag: 1 means "interrupts off".
 *  - The guest clears evtchn_upcall_pending before it scans for work, so an
 *    event that arrives during the scan sets it again and is not lost.
 *
 * Time: Warden updates vcpu_time_info, bumping version to odd before and to
 * even after, so the guest retries a read that saw an odd version or a
 * version that changed.  System time (ns since boot) at TSC value t is
 *
 *	system_time + ((((t - tsc_timestamp) << tsc_shift) * tsc_to_system_mul) >> 32)
 *
 * with a negative tsc_shift meaning a right shift.  wc_* give the wall
 * clock at system time 0, versioned the same way.
 */
#ifndef PUBLIC_SHARED_INFO_H
#define PUBLIC_SHARED_INFO_H

#include "include/public/arch_x86_32.h"

/* vcpu_time_info.flags */
#define XEN_PVCLOCK_TSC_STABLE_BIT	(1 << 0)
#define XEN_PVCLOCK_GUEST_STOPPED	(1 << 1)

#ifndef __ASSEMBLER__
#include <stddef.h>
#include <stdint.h>

struct vcpu_time_info {
	uint32_t version;		/* odd while Warden updates */
	uint32_t pad0;
	uint64_t tsc_timestamp;		/* TSC at the last update */
	uint64_t system_time;		/* ns since boot at that TSC */
	uint32_t tsc_to_system_mul;	/* ns per shifted tick, times 2^32 */
	int8_t tsc_shift;
	uint8_t flags;			/* XEN_PVCLOCK_* */
	uint8_t pad1[2];
};

struct arch_vcpu_info {
	uint32_t cr2;			/* the faulting address of a bounced #PF */
	uint32_t pad[5];
};

struct vcpu_info {
	uint8_t evtchn_upcall_pending;	/* some selected channel is pending */
	uint8_t evtchn_upcall_mask;	/* the guest's interrupt flag, inverted */
	uint8_t pad0[2];
	uint32_t evtchn_pending_sel;	/* bit w: evtchn_pending[w] has work */
	struct arch_vcpu_info arch;
	struct vcpu_time_info time;
};

struct arch_shared_info {
	uint32_t max_pfn;		/* guest's P2M size, for save/restore tools */
	uint32_t pfn_to_mfn_frame_list_list;
	uint32_t nmi_reason;
	uint32_t p2m_cr3;
	uint32_t p2m_vaddr;
	uint32_t p2m_generation;
	uint32_t wc_sec_hi;		/* upper 32 bits of wc_sec */
};

struct shared_info {
	struct vcpu_info vcpu_info[XEN_LEGACY_MAX_VCPUS];
	uint32_t evtchn_pending[32];	/* bit P: channel P pending */
	uint32_t evtchn_mask[32];	/* bit P: channel P masked */
	uint32_t wc_version;		/* wall clock, versioned as above */
	uint32_t wc_sec;		/* seconds since 1970 at system time 0 */
	uint32_t wc_nsec;
	struct arch_shared_info arch;
};

/* Xen's 32-bit layout; the structure must also fit in one page. */
_Static_assert(sizeof(struct vcpu_time_info) == 32, "vcpu_time_info layout");
_Static_assert(sizeof(struct arch_vcpu_info) == 24, "arch_vcpu_info layout");
_Static_assert(offsetof(struct vcpu_info, evtchn_pending_sel) == 4, "vcpu_info layout");
_Static_assert(offsetof(struct vcpu_info, arch) == 8, "vcpu_info layout");
_Static_assert(offsetof(struct vcpu_info, time) == 32, "vcpu_info layout");
_Static_assert(sizeof(struct vcpu_info) == 64, "vcpu_info layout");
_Static_assert(sizeof(struct arch_shared_info) == 28, "arch_shared_info layout");
_Static_assert(offsetof(struct shared_info, evtchn_pending) == 2048, "shared_info layout");
_Static_assert(offsetof(struct shared_info, evtchn_mask) == 2176, "shared_info layout");
_Static_assert(offsetof(struct shared_info, wc_version) == 2304, "shared_info layout");
_Static_assert(offsetof(struct shared_info, arch) == 2316, "shared_info layout");
_Static_assert(sizeof(struct shared_info) == 2344, "shared_info layout");

#endif /* __ASSEMBLER__ */
#endif
