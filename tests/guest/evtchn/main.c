/*
 * evtchn: event channels within one domain, its two ends looped back.
 *
 * Shows: a port allocated unbound for ourselves (the first free port, 1)
 * and bound by ourselves connects the two ends; the bound end starts
 * pending, as on Xen; while events are masked a send sets the pending bit,
 * the selector and upcall_pending but brings no upcall, and events_on()
 * then brings exactly one, however many sends there were; with events on,
 * the upcall comes on the way out of the very hypercall that sent, with an
 * exception's frame (no error code, the interrupted EIP in the hypercall
 * page, the saved event mask 0 in CS and IF set in EFLAGS) and events
 * masked inside it, on again afterwards; a masked port becomes pending
 * without selector or upcall, and EVTCHNOP_unmask delivers it; close turns
 * the other end unbound again, so a send there is dropped and a new bind
 * works; a callback named with set_callbacks instead of callback_op gets
 * the upcalls too; ports beyond the first word of the bitmaps (40, 100)
 * work through the selector's other bits; ports run out with -ENOSPC; and
 * every bad argument gets Xen's error.
 * Cannot show: another domain's end (evtchn-ping and evtchn-pong do) or
 * virtual IRQs firing (timer, console-input).
 */
#include "guest/lib/console.h"
#include "guest/lib/events.h"
#include "guest/lib/evtchn.h"
#include "guest/lib/hypercall.h"
#include "guest/lib/shared_info.h"
#include "guest/lib/test.h"
#include "guest/lib/x86.h"
#include "include/public/errno.h"

extern char event_entry[];		/* guest/lib/event_entry.S */

static struct cpu_regs frame;		/* what the last handler saw */
static bool on_in_handler;

static void record(evtchn_port_t port, struct cpu_regs *regs)
{
	(void)port;
	frame = *regs;
	on_in_handler = events_are_on();
}

static volatile struct vcpu_info *vi(void)
{
	return &shared_info()->vcpu_info[0];
}

/* The upcall's frame, taken on the way out of event_channel_op. */
static void check_frame(void)
{
	uint32_t entry = (uint32_t)(uintptr_t)hypercall_page +
			 __HYPERVISOR_event_channel_op * HYPERCALL_PAGE_ENTRY_SIZE;

	test_eq("upcall vector", frame.vector, EVENT_VECTOR);
	test_eq("upcall error code", frame.error_code, 0);
	if (frame.eip < entry || frame.eip >= entry + HYPERCALL_PAGE_ENTRY_SIZE)
		test_fail("upcall eip 0x%x is not in the event_channel_op entry at 0x%x",
			  frame.eip, entry);
	test_eq("upcall cs", frame.cs & 0xffff, FLAT_RING1_CS);
	test_eq("saved event mask in cs", (frame.cs >> 16) & 0xff, 0);
	test_eq("saved eflags.IF", (frame.eflags & EFLAGS_IF) != 0, 1);
	test_eq("events on inside the handler", on_in_handler, 0);
	test_eq("events on after the handler", events_are_on(), 1);
}

/* Masked, a send is only a pending bit, and sends coalesce. */
static void masked_upcalls(evtchn_port_t a, evtchn_port_t b)
{
	uint32_t before = events_seen(b);

	events_off();
	test_eq("send, events off", evtchn_send(a), 0);
	test_eq("send again", evtchn_send(a), 0);
	test_eq("pending while events are off", evtchn_is_pending(b), 1);
	test_eq("upcall_pending while events are off", vi()->evtchn_upcall_pending, 1);
	test_eq("selector while events are off", vi()->evtchn_pending_sel, 1);
	test_eq("no upcall while events are off", events_seen(b), before);
	events_on();
	test_eq("events on: one event for two sends", events_seen(b), before + 1);
	test_eq("upcall_pending after it", vi()->evtchn_upcall_pending, 0);
}

/* A masked port: pending bit only; EVTCHNOP_unmask delivers. */
static void masked_port(evtchn_port_t a, evtchn_port_t b)
{
	uint32_t before = events_seen(b);

	evtchn_mask(b);
	test_eq("send to a masked port", evtchn_send(a), 0);
	test_eq("masked port pending", evtchn_is_pending(b), 1);
	test_eq("masked port: no upcall_pending", vi()->evtchn_upcall_pending, 0);
	test_eq("masked port: no selector", vi()->evtchn_pending_sel, 0);
	test_eq("masked port: no event", events_seen(b), before);
	test_eq("unmask", evtchn_unmask(b), 0);
	test_eq("unmask delivers", events_seen(b), before + 1);
	test_eq("unmask clears the mask bit", evtchn_is_masked(b), 0);
	test_eq("unmask with nothing pending", evtchn_unmask(b), 0);
	test_eq("... brings nothing", events_seen(b), before + 1);
}

/* Closing one end leaves the other unbound, as alloc_unbound made it. */
static void close_and_rebind(evtchn_port_t a, evtchn_port_t b)
{
	test_eq("close", evtchn_close(b), 0);
	test_eq("send to an end whose peer closed", evtchn_send(a), 0);
	test_eq("... is dropped", evtchn_is_pending(a) || evtchn_is_pending(b), 0);
	test_eq("send on a closed port", evtchn_send(b), -XEN_EINVAL);
	test_eq("close it again", evtchn_close(b), -XEN_EINVAL);
	test_eq("bind again (the first free port)", evtchn_bind_interdomain(DOMID_SELF, a), b);
	test_eq("close one end", evtchn_close(a), 0);
	test_eq("close the other", evtchn_close(b), 0);
}

/* The older way to name the callback reaches the same entry. */
static void set_callbacks(void)
{
	uint32_t eip = (uint32_t)(uintptr_t)event_entry, before;
	long a = evtchn_alloc_unbound(DOMID_SELF), b;

	b = evtchn_bind_interdomain(DOMID_SELF, (evtchn_port_t)a);
	before = events_seen((evtchn_port_t)b);	/* the bind's event is in */
	test_eq("set_callbacks", hc_set_callbacks(FLAT_RING1_CS, eip, FLAT_RING1_CS, eip), 0);
	test_eq("send after set_callbacks", evtchn_send((evtchn_port_t)a), 0);
	test_eq("it arrives", events_seen((evtchn_port_t)b), before + 1);
	evtchn_close((evtchn_port_t)a);
	evtchn_close((evtchn_port_t)b);
}

static void bad_arguments(void)
{
	struct evtchn_alloc_unbound other = { 5, DOMID_SELF, 0 };
	struct evtchn_bind_virq vcpu1 = { VIRQ_TIMER, 1, 0 };
	long timer = evtchn_bind_virq(VIRQ_TIMER);

	test_eq("alloc_unbound for another domain",
		hc_event_channel_op(EVTCHNOP_alloc_unbound, &other), -XEN_EPERM);
	test_eq("alloc_unbound for a domain that does not exist",
		evtchn_alloc_unbound(7), -XEN_ESRCH);
	test_eq("bind_interdomain to a free port", evtchn_bind_interdomain(DOMID_SELF, 77), -XEN_EINVAL);
	test_eq("bind_interdomain to port 0", evtchn_bind_interdomain(DOMID_SELF, 0), -XEN_EINVAL);
	test_eq("bind_interdomain to a VIRQ port",
		evtchn_bind_interdomain(DOMID_SELF, (evtchn_port_t)timer), -XEN_EINVAL);
	test_eq("bind_virq VIRQ_TIMER", timer > 0, 1);
	test_eq("bind_virq VIRQ_TIMER twice", evtchn_bind_virq(VIRQ_TIMER), -XEN_EEXIST);
	test_eq("bind_virq NR_VIRQS", evtchn_bind_virq(NR_VIRQS), -XEN_EINVAL);
	test_eq("bind_virq on vCPU 1", hc_event_channel_op(EVTCHNOP_bind_virq, &vcpu1), -XEN_EINVAL);
	test_eq("send on a VIRQ port", evtchn_send((evtchn_port_t)timer), -XEN_EINVAL);
	test_eq("close the VIRQ port", evtchn_close((evtchn_port_t)timer), 0);
	test_eq("bind_virq again after close", evtchn_bind_virq(VIRQ_TIMER), timer);
	test_eq("close it", evtchn_close((evtchn_port_t)timer), 0);
	test_eq("send on port 0", evtchn_send(0), -XEN_EINVAL);
	test_eq("send on port 100000", evtchn_send(100000), -XEN_EINVAL);
	test_eq("close port 0", evtchn_close(0), -XEN_EINVAL);
	test_eq("unmask port 100000", evtchn_unmask(100000), -XEN_EINVAL);
	test_eq("unknown command", hc_event_channel_op(99, &other), -XEN_ENOSYS);
	test_eq("unreadable argument",
		hc_event_channel_op(EVTCHNOP_bind_virq, (void *)0x1000), -XEN_EFAULT);
}

/* Ports in other words of the bitmaps: the selector's other bits. */
static void far_ports(evtchn_port_t low, evtchn_port_t high)
{
	test_eq("close a high port", evtchn_close(high), 0);
	test_eq("bind to a low port: the freed high one",
		evtchn_bind_interdomain(DOMID_SELF, low), high);
	test_eq("its bind event, via selector bit", events_seen(high), 1);
	test_eq("send low to high", evtchn_send(low), 0);
	test_eq("it arrives", events_seen(high), 2);
	test_eq("send high to low", evtchn_send(high), 0);
	test_eq("it arrives", events_seen(low), 1);
}

/* Allocate until Warden says no; it must be -ENOSPC, and all must close. */
static void run_out_of_ports(void)
{
	long ports[EVTCHN_2L_NR_CHANNELS], rc = 0;
	unsigned n = 0;

	while (n < EVTCHN_2L_NR_CHANNELS && (rc = evtchn_alloc_unbound(DOMID_SELF)) > 0)
		ports[n++] = rc;
	test_eq("the allocation that fails", rc, -XEN_ENOSPC);
	printk("%u ports allocated before -ENOSPC\n", n);
	if (n > 100)
		far_ports(40, 100);
	for (unsigned i = 0; i < n; i++)
		if (evtchn_close((evtchn_port_t)ports[i]))
			test_fail("cannot close port %ld", ports[i]);
	test_eq("after closing them all, the first free port", evtchn_alloc_unbound(DOMID_SELF), 1);
	test_eq("close it", evtchn_close(1), 0);
}

void test_main(void)
{
	long a, b;

	events_init();
	test_eq("events masked at start", events_are_on(), 0);
	a = evtchn_alloc_unbound(DOMID_SELF);
	test_eq("alloc_unbound: the first free port", a, 1);
	b = evtchn_bind_interdomain(DOMID_SELF, (evtchn_port_t)a);
	test_eq("bind_interdomain: the next free port", b, 2);
	if (a != 1 || b != 2)
		test_fatal("no loop to test");
	events_set_handler(2, record);
	test_eq("the bound end starts pending", evtchn_is_pending(2), 1);
	test_eq("the other end does not", evtchn_is_pending(1), 0);
	test_eq("nothing delivered while masked", events_upcalls(), 0);
	events_on();
	test_eq("events on: the pending bind arrives", events_seen(2), 1);
	test_eq("send", evtchn_send(1), 0);
	test_eq("the send arrives on the way out", events_seen(2), 2);
	check_frame();
	test_eq("send the other way", evtchn_send(2), 0);
	test_eq("it arrives", events_seen(1), 1);
	masked_upcalls(1, 2);
	masked_port(1, 2);
	close_and_rebind(1, 2);
	set_callbacks();
	bad_arguments();
	run_out_of_ports();
}
