/*
 * domain.h - a domain (one guest) and its one vCPU.
 */
#ifndef CORE_DOMAIN_H
#define CORE_DOMAIN_H

#include <stdbool.h>
#include <stdint.h>
#include "arch/x86_32/trap_frame.h"
#include "include/public/event_channel.h"
#include "include/public/warden.h"
#include "mm/p2m.h"
#include "mm/switcher_map.h"
#include "shadow/shadow.h"

#define MAX_DOMAINS		8
#define EVTCHN_PORTS		128		/* per domain (Xen allows 1024) */
#define POLL_PORTS_MAX		8
#define FPU_STATE_SIZE		512		/* FXSAVE's area */
#define DOMAIN_NAME_MAX		32
#define CONSOLE_LINE_MAX	160
#define CONSOLE_INPUT_MAX	256

/* A guest entry point: code selector and address. */
struct guest_entry {
	uint16_t cs;
	uint32_t eip;
};

/* What the guest registered for one vector with set_trap_table. */
struct guest_trap_handler {
	struct guest_entry entry;	/* eip 0: none */
	uint8_t dpl;			/* lowest ring that may `int` to it */
	bool mask_events;		/* like an interrupt gate */
};

/* One event channel: a port of its domain (Xen's 2-level ABI). */
enum evtchn_state {
	EVTCHN_FREE,
	EVTCHN_UNBOUND,		/* waiting for remote_dom to bind */
	EVTCHN_INTERDOMAIN,	/* connected to remote_port of remote_dom */
	EVTCHN_VIRQ,		/* Warden raises it: virq */
};

struct evtchn {
	uint8_t state;		/* enum evtchn_state */
	uint8_t virq;
	uint16_t remote_dom;
	uint32_t remote_port;
};

/* Why a vCPU does not run. */
enum vcpu_wait {
	WAIT_NONE,		/* runnable */
	WAIT_EVENT,		/* sched_op block: until an event is pending */
	WAIT_POLL,		/* sched_op poll: until a polled port is pending */
	WAIT_RING,		/* its watch event waits for room on the ring */
	WAIT_VERDICT,		/* its watch event waits for the monitor */
};

struct vcpu {
	uint8_t fpu_state[FPU_STATE_SIZE] __attribute__((aligned(16)));
	bool fpu_ts;			/* the guest's own CR0.TS (fpu_taskswitch) */
	struct domain *domain;
	enum vcpu_wait wait;
	uint32_t poll_ports[POLL_PORTS_MAX];
	unsigned poll_count;
	uint64_t poll_deadline;		/* ns of system time; 0: none */
	uint32_t virq_port[NR_VIRQS];	/* the port bound to each VIRQ (0: none) */
	uint64_t run_tsc;		/* CPU time used, in TSC ticks */
	uint64_t run_start_tsc;		/* when it was last entered */
	uint64_t time_published_tick;	/* vtimer_publish's: tick + 1 */
	unsigned gate_version;		/* bumped when its int 0x80 gate changes */
	struct watch_request event;	/* its watch event, while it waits */
	bool event_stepped;		/* the emulator cannot do the write */
	bool stepping;			/* running one instruction with TF set */
	uint32_t step_pfn;		/* ... with this frame writable */
	uint32_t step_flags;		/* the TF and IF it had before */
	uint8_t step_access;		/* WATCH_WRITE or WATCH_EXEC */
	uint64_t event_deadline;	/* answer by then (ns), or the default */
	struct trap_frame *regs;	/* its registers: the frame in its trap page */
	struct guest_trap_handler traps[256];
	uint16_t kernel_ss;		/* the stack for traps from ring 3 */
	uint32_t kernel_sp;
	struct guest_entry event_callback;
	uint32_t cr2;			/* the last page-fault address delivered */
	uint32_t trap_page;		/* machine frame of its trap-stack page */
	uint32_t switcher_l1;		/* machine frame of its switcher page table */
	uint32_t gdt_pfns[GDT_GUEST_PAGES];	/* its GDT frames (set_gdt) */
	unsigned gdt_pages;
	struct shadow shadow;
};

enum domain_state {
	DOMAIN_UNUSED,
	DOMAIN_RUNNABLE,
	DOMAIN_SHUTDOWN,		/* it asked to stop */
	DOMAIN_CRASHED,			/* Warden stopped it */
};

struct domain {
	uint16_t id;
	char name[DOMAIN_NAME_MAX];
	enum domain_state state;
	unsigned shutdown_reason;	/* SHUTDOWN_* when DOMAIN_SHUTDOWN */
	char crash_reason[160];		/* the first reason, when DOMAIN_CRASHED */
	struct p2m p2m;			/* nr_pfns frames of RAM ... */
	uint32_t shared_info;		/* ... and the shared-info page: its mfn */
	struct shared_info *shared_info_va;	/* its direct-map address, or NULL */
	char line[CONSOLE_LINE_MAX];	/* console output not yet printed */
	unsigned line_len;
	char input[CONSOLE_INPUT_MAX];	/* typed, not yet read (a ring) */
	unsigned input_head, input_tail;
	unsigned priority;		/* higher runs first (priority=N) */
	bool started;			/* it has run at least once */
	bool monitor;			/* the privileged monitor domain */
	bool monitor_stays;		/* ... kept when no guest is left (`stay`) */
	bool paused;			/* by the monitor (or until it is ready) */
	struct evtchn evtchn[EVTCHN_PORTS];
	struct vcpu vcpu;
};

/* The vCPU running now (or last run), and its domain. */
extern struct vcpu *current;

/*
 * Stop domain d: record the first reason, print one line, and make sure it
 * never runs again.  Callers carry on (lguest's kill_guest); the trap path
 * checks the state before it would enter the guest.
 */
void domain_crash(struct domain *d, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static inline bool domain_alive(const struct domain *d)
{
	return d->state == DOMAIN_RUNNABLE;
}

#endif
