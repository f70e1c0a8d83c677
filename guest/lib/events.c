/*
 * events.c - the C side of the upcall (events.h): Xen's two-level scan.
 *
 * The order matters.  evtchn_upcall_pending is cleared first, then the
 * selector is taken in one exchange, and only then are the pending words
 * read: an event Warden raises anywhere during the scan sets the selector
 * and upcall_pending again, so it is either found by this scan or makes
 * the next upcall -- never lost.  A port's pending bit is cleared before
 * its handler runs, so an event raised while the handler runs is kept.
 */
#include "guest/lib/events.h"
#include "guest/lib/evtchn.h"
#include "guest/lib/hypercall.h"
#include "guest/lib/shared_info.h"
#include "guest/lib/test.h"
#include "include/public/version.h"

extern char event_entry[];		/* event_entry.S */

static event_handler_fn handlers[EVTCHN_2L_NR_CHANNELS];
static uint32_t seen[EVTCHN_2L_NR_CHANNELS];
static uint32_t upcalls;

static volatile struct vcpu_info *vcpu_info(void)
{
	return &shared_info()->vcpu_info[0];
}

void events_init(void)
{
	struct callback_register r = {
		CALLBACKTYPE_event, 0, { FLAT_RING1_CS, (uint32_t)(uintptr_t)event_entry },
	};

	vcpu_info();			/* map shared info before any upcall */
	if (hc_callback_op(CALLBACKOP_register, &r))
		test_fatal("callback_op refused our event callback");
}

void events_set_handler(evtchn_port_t port, event_handler_fn fn)
{
	handlers[port % EVTCHN_2L_NR_CHANNELS] = fn;
}

uint32_t events_seen(evtchn_port_t port)
{
	return seen[port % EVTCHN_2L_NR_CHANNELS];
}

uint32_t events_upcalls(void)
{
	return upcalls;
}

/* Take every pending, unmasked port of word w. */
static void take_word(unsigned w, struct cpu_regs *regs)
{
	volatile struct shared_info *s = shared_info();
	uint32_t bits;

	while ((bits = s->evtchn_pending[w] & ~s->evtchn_mask[w]) != 0) {
		evtchn_port_t port = w * 32 + (evtchn_port_t)__builtin_ctz(bits);

		evtchn_clear(port);
		seen[port]++;
		if (handlers[port])
			handlers[port](port, regs);
	}
}

void events_dispatch(struct cpu_regs *regs)
{
	volatile struct vcpu_info *v = vcpu_info();
	uint32_t sel;

	upcalls++;
	v->evtchn_upcall_pending = 0;
	while ((sel = __atomic_exchange_n(&v->evtchn_pending_sel, 0, __ATOMIC_SEQ_CST)) != 0) {
		for (; sel; sel &= sel - 1)
			take_word((unsigned)__builtin_ctz(sel), regs);
	}
}

/*
 * Unmasking does not trap, so Warden cannot see it: if an event is already
 * waiting, any hypercall makes Warden deliver it on the way back (Linux and
 * Mini-OS "force the callback" the same way).
 */
void events_on(void)
{
	volatile struct vcpu_info *v = vcpu_info();

	v->evtchn_upcall_mask = 0;
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	if (v->evtchn_upcall_pending)
		hc_xen_version(XENVER_version, 0);
}

void events_off(void)
{
	vcpu_info()->evtchn_upcall_mask = 1;
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
}

bool events_are_on(void)
{
	return vcpu_info()->evtchn_upcall_mask == 0;
}

void events_block(void)
{
	hc_sched_op(SCHEDOP_block, 0);
}
