/*
 * ring.c - the test monitor's end of the event ring (ring.h).
 *
 * The order of reads and writes is Xen's ring.h order: read req_prod,
 * then the slots below it; copy a request out, then move req_cons; fill a
 * response slot, then move rsp_prod.  On one CPU Warden runs only when we
 * trap, so the fences are for the compiler as much as for the CPU.
 *
 * Everything Warden writes is checked: more requests than slots, or a
 * size other than the one we asked for, ends the test.
 */
#include "tests/guest/mon-test/ring.h"
#include "guest/lib/console.h"
#include "guest/lib/evtchn.h"
#include "guest/lib/hypercall.h"
#include "guest/lib/pt.h"
#include "guest/lib/shared_info.h"
#include "guest/lib/test.h"
#include "guest/lib/watch_calls.h"
#include "include/public/errno.h"
#include "tests/guest/watch-lib/watch_lib.h"

#define UNMAPPED_VA	0x10000000u	/* nothing of ours is mapped low */
#define WARDEN_VA	0xF6800000u	/* Warden's image */

static union {
	struct watch_ring ring;
	uint8_t page[PAGE_SIZE];
} shared PAGE_ALIGNED;

static volatile struct watch_ring *const ring = &shared.ring;
static uint32_t size;

uint32_t ring_port(void)
{
	long port = evtchn_alloc_unbound(DOMID_SELF);

	if (port <= 0)
		test_fatal("no port for the event ring: %ld", port);
	return (uint32_t)port;
}

static long try_register(uint32_t page, uint32_t port, uint32_t order,
			 uint32_t timeout_ms)
{
	struct warden_ring_register r = { page, port, order, timeout_ms };

	return watch_call_monitor(MONITOR_OP_ring_register, HC_PTR(&r));
}

void ring_register(uint32_t port, uint32_t order, uint32_t timeout_ms)
{
	long rc = try_register(HC_PTR(&shared), port, order, timeout_ms);

	if (rc)
		test_fatal("Warden refused the ring (order %u): %ld", order, rc);
	size = 1u << order;
	if (ring->size != size)
		test_fatal("Warden says the ring has %u slots, we asked for %u",
			   ring->size, size);
}

/* Fatal if accepted: the ring would then be wherever the case put it. */
static void refused(const char *what, uint32_t page, uint32_t port, uint32_t order)
{
	long rc = try_register(page, port, order, 0);

	if (rc >= 0)
		test_fatal("ring_register accepted %s (page 0x%x, port %u, order %u)",
			   what, page, port, order);
	printk("ring_register refuses %s: %ld\n", what, rc);
}

void ring_check_refusals(uint32_t port)
{
	uint32_t page = HC_PTR(&shared);

	refused("order 0", page, port, 0);
	refused("order 6", page, port, WATCH_RING_MAX_ORDER + 1);
	refused("a page not page-aligned", page + 8, port, 1);
	refused("port 0", page, 0, 1);
	refused("port 4096", page, 4096, 1);
	refused("a page we do not map", UNMAPPED_VA, port, 1);
	refused("a page of Warden's", WARDEN_VA, port, 1);
}

void ring_check_page(uint32_t port, const char *which)
{
	if (opt_is(which, "table"))
		refused("our own page table", HC_PTR(pt_l1e(HC_PTR(&shared))) & ~(PAGE_SIZE - 1), port, 1);
	else if (opt_is(which, "shared-info"))
		refused("our shared-info page", HC_PTR(shared_info()), port, 1);
	else
		test_fatal("ring-page=: table or shared-info");
}

void ring_check_once(uint32_t port)
{
	test_eq("a second ring_register", try_register(HC_PTR(&shared), port, 1, 0),
		-XEN_EEXIST);
}

uint32_t ring_slots(void)
{
	return size;
}

bool ring_take(struct watch_request *req)
{
	uint32_t cons = ring->req_cons, prod = ring->req_prod;

	if (prod == cons)
		return false;
	if (prod - cons > size)
		test_fatal("Warden's ring is broken: req_prod %u, req_cons %u, %u slots",
			   prod, cons, size);
	__atomic_thread_fence(__ATOMIC_ACQUIRE);
	*req = ring->req[cons & (size - 1)];
	__atomic_thread_fence(__ATOMIC_RELEASE);
	ring->req_cons = cons + 1;
	return true;
}

void ring_put(const struct watch_response *rsp)
{
	uint32_t prod = ring->rsp_prod;

	if (prod - ring->rsp_cons >= size)
		ring_push();
	if (prod - ring->rsp_cons >= size)
		test_fatal("Warden took none of %u responses", size);
	ring->rsp[prod & (size - 1)] = *rsp;
	__atomic_thread_fence(__ATOMIC_RELEASE);
	ring->rsp_prod = prod + 1;
}

void ring_push(void)
{
	long rc = watch_call_monitor(MONITOR_OP_responses, 0);

	if (rc)
		test_fatal("MONITOR_OP_responses: %ld", rc);
}

void ring_bad_index(void)
{
	uint32_t prod = ring->rsp_prod;

	ring->rsp_prod = ring->rsp_cons + size + 1;
	ring_push();
	ring->rsp_prod = prod;
}
