/*
 * ring.c - the event ring, from the monitor's side (ring.h).
 *
 * Order matters where the two sides meet, as in Xen's ring.h:
 *   - we read req_prod, and only then the slots below it (an acquire
 *     fence between): Warden filled a slot before it moved req_prod;
 *   - we copy a request out before acting on it, then move req_cons,
 *     which gives the slot back to Warden;
 *   - we fill a response slot, and only then move rsp_prod (a release
 *     fence between), so Warden never reads a half-written answer.
 * On one CPU, Warden runs only when we trap, so the fences are there for
 * the compiler's sake as much as the CPU's; they cost nothing.
 *
 * Warden checks everything we write.  We check what it writes too: more
 * requests than slots would mean its ring is broken, and we stop rather
 * than read slots twice.
 */
#include "guest/monitor/ring.h"
#include "guest/lib/console.h"
#include "guest/lib/evtchn.h"
#include "guest/lib/hypercall.h"
#include "guest/lib/pt.h"
#include "guest/lib/test.h"
#include "guest/lib/watch_calls.h"

#define RING_SIZE	(1u << RING_ORDER)

static union {
	struct watch_ring ring;
	uint8_t page[PAGE_SIZE];
} shared PAGE_ALIGNED;

static volatile struct watch_ring *const ring = &shared.ring;
static uint32_t pushed;			/* rsp_prod when Warden last heard */

long ring_init(void)
{
	struct warden_ring_register r = { HC_PTR(&shared), 0, RING_ORDER, 0 };
	long port = evtchn_alloc_unbound(DOMID_SELF), rc;

	if (port <= 0) {
		printk("monitor: cannot make a port for the event ring: %ld\n", port);
		return port < 0 ? port : -1;
	}
	r.port = (uint32_t)port;
	rc = watch_call_monitor(MONITOR_OP_ring_register, HC_PTR(&r));
	if (rc < 0) {
		printk("monitor: Warden refused the event ring: %ld\n", rc);
		return rc;
	}
	return port;
}

bool ring_take(struct watch_request *req)
{
	uint32_t cons = ring->req_cons, prod = ring->req_prod;

	if (prod == cons)
		return false;
	if (prod - cons > RING_SIZE)
		test_fatal("Warden's ring is broken: req_prod %u, req_cons %u, %u slots",
			   prod, cons, RING_SIZE);
	__atomic_thread_fence(__ATOMIC_ACQUIRE);
	*req = ring->req[cons & (RING_SIZE - 1)];
	__atomic_thread_fence(__ATOMIC_RELEASE);
	ring->req_cons = cons + 1;
	return true;
}

void ring_answer(const struct watch_response *rsp)
{
	uint32_t prod = ring->rsp_prod;

	if (prod - ring->rsp_cons >= RING_SIZE)
		ring_push();
	if (prod - ring->rsp_cons >= RING_SIZE)
		test_fatal("Warden took none of %u answers", RING_SIZE);
	ring->rsp[prod & (RING_SIZE - 1)] = *rsp;
	__atomic_thread_fence(__ATOMIC_RELEASE);
	ring->rsp_prod = prod + 1;
}

void ring_push(void)
{
	long rc;

	if (ring->rsp_prod == pushed)
		return;
	pushed = ring->rsp_prod;
	rc = watch_call_monitor(MONITOR_OP_responses, 0);
	if (rc < 0)
		printk("monitor: MONITOR_OP_responses: %ld\n", rc);
}
