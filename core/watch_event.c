/*
 * watch_event.c - asking the monitor, and waiting for its answer.
 *
 * The monitor lends Warden one page of its memory for the event ring
 * (struct watch_ring in include/public/warden.h): requests go one way,
 * responses the other, each side writing only its own two indices.  A
 * write into a watched range pauses the writer (it waits, descheduled, in
 * struct vcpu -- never on Warden's stack), its request goes on the ring,
 * the monitor's port is raised, and the monitor, which has the highest
 * priority, runs next.  It answers; MONITOR_OP_responses makes Warden take
 * the answers, check each one, and apply the verdicts.
 *
 * Nothing is lost: a request goes on the ring only while fewer requests
 * than slots are unanswered, so no slot the monitor has not yet answered is
 * ever overwritten; a writer that finds the ring full waits for room, in
 * order, and is counted.  Nothing waits forever: every event has a
 * deadline, and the default verdict (deny, unless Warden's command line
 * says watch_default=allow) applies when it passes, or at once if there is
 * no monitor, or when the monitor dies -- each time with a console line.
 * Nothing the monitor writes is trusted: Warden keeps its own copies of
 * the indices, copies each response out before acting, and refuses (and
 * counts) responses it is not waiting for and verdicts it does not know.
 */
#include "core/watch_event.h"
#include "core/console.h"
#include "core/domain_table.h"
#include "core/event_channel.h"
#include "core/schedule.h"
#include "core/time.h"
#include "core/watch.h"
#include "core/watch_fault.h"
#include "core/watch_ring.h"
#include "include/public/errno.h"
#include "lib/cmdline.h"
#include "lib/string.h"
#include "mm/mapslot.h"
#include "shadow/guest_copy.h"
#include "shadow/table_find.h"

#define DEFAULT_TIMEOUT_MS	1000
#define NS_PER_MS		1000000ull

struct warden_watch_stats watch_stats;

static struct {
	struct domain *monitor;		/* NULL: no ring registered */
	uint32_t ring_mfn;
	uint32_t port;
	struct watch_ring_state idx;	/* Warden's own copies of the indices */
	uint64_t timeout_ns;
} ring;

static uint32_t next_seq = 1;

static void forget_waiter(struct vcpu *v);
static uint8_t default_verdict = WATCH_DENY;
static uint64_t default_timeout_ns = DEFAULT_TIMEOUT_MS * NS_PER_MS;

/* Events posted for vCPUs that ended before the answer: their answers are
 * expected, and free their slots. */
static uint32_t orphans[1 << WATCH_RING_MAX_ORDER];

/* FIFO of vCPUs waiting for room on the ring. */
static struct vcpu *ring_waiters[MAX_DOMAINS];
static unsigned ring_waiting;

static const char *const verdict_names[] = {
	"allow", "deny", "write another value", "allow and remove the watch",
};

void watch_event_configure(const char *cmdline)
{
	char value[16];

	if (cmdline_get(cmdline, "watch_default", value, sizeof(value)) &&
	    strcmp(value, "allow") == 0)
		default_verdict = WATCH_ALLOW;
	if (cmdline_get(cmdline, "watch_timeout", value, sizeof(value))) {
		uint64_t ms = 0;

		for (const char *c = value; *c >= '0' && *c <= '9'; c++)
			ms = ms * 10 + (uint64_t)(*c - '0');
		if (ms)
			default_timeout_ns = ms * NS_PER_MS;
	}
}

static void resume(struct vcpu *v)
{
	v->wait = WAIT_NONE;
	schedule_woken(v);
}

static void apply(struct vcpu *v, uint8_t verdict, uint8_t flags, uint64_t value)
{
	uint64_t *count[] = { &watch_stats.allowed, &watch_stats.denied,
			      &watch_stats.values_written, &watch_stats.removed };

	(*count[verdict])++;
	resume(v);
	watch_fault_apply(v, verdict, flags, value);
}

static void apply_default(struct vcpu *v, const char *why)
{
	watch_stats.default_verdicts++;
	printk("warden: %s: event %u (domain %u, eip 0x%x, %s at 0x%x) gets the default verdict: %s\n",
	       why, v->event.seq, v->domain->id, v->event.eip,
	       v->event.access == WATCH_EXEC ? "fetch" : "write", v->event.gva,
	       verdict_names[default_verdict]);
	apply(v, default_verdict, 0, 0);
}

static struct watch_ring *ring_map(void)
{
	return frame_map(ring.ring_mfn);
}

/* Put v's request on the ring and tell the monitor; v waits for the verdict. */
static void post(struct vcpu *v)
{
	struct watch_ring *r = ring_map();

	r->req[watch_ring_post(&ring.idx)] = v->event;
	r->req_prod = ring.idx.req_prod;	/* after the request itself */
	frame_unmap(r);
	v->wait = WAIT_VERDICT;
	evtchn_set_pending(ring.monitor, ring.port);
	schedule_woken(&ring.monitor->vcpu);
}

static void post_waiters(void)
{
	while (ring_waiting && watch_ring_has_room(&ring.idx)) {
		struct vcpu *v = ring_waiters[0];

		memmove(ring_waiters, ring_waiters + 1, --ring_waiting * sizeof(v));
		post(v);
	}
}

static void fill_request(struct vcpu *v, uint8_t access, uint32_t watch_id,
			 uint32_t gva, uint32_t gpa, uint32_t len,
			 const uint8_t *bytes, const struct x86_insn *insn)
{
	struct watch_request *e = &v->event;

	memset(e, 0, sizeof(*e));
	e->domid = v->domain->id;
	e->gva = gva;
	e->gpa = gpa;
	e->eip = v->regs->eip;
	e->cr3 = v->shadow.guest_cr3;
	e->access = access;
	e->size = (uint8_t)len;		/* 0: an instruction Warden cannot emulate */
	e->insn_len = insn->length;
	e->watch_id = watch_id;
	guest_copy_from(&v->shadow, &e->old_value, gva, len);
	if (len)
		memcpy(&e->new_value, bytes, len);
	guest_copy_from(&v->shadow, e->insn, e->eip, insn->length);
	e->time_ns = time_now_ns();
}

void watch_event_raise(struct vcpu *v, uint8_t access, uint32_t watch_id,
		       uint32_t gva, uint32_t gpa, uint32_t len,
		       const uint8_t *bytes, const struct x86_insn *insn)
{
	fill_request(v, access, watch_id, gva, gpa, len, bytes, insn);
	v->event.seq = next_seq++;
	watch_stats.events++;
	if (!ring.monitor) {
		apply_default(v, "no monitor");
		return;
	}
	v->event_deadline = time_now_ns() + ring.timeout_ns;
	if (watch_ring_has_room(&ring.idx) && !ring_waiting) {
		post(v);
		return;
	}
	watch_stats.ring_waits++;
	v->wait = WAIT_RING;
	ring_waiters[ring_waiting++] = v;
}

void watch_event_near_miss(struct vcpu *v)
{
	(void)v;
	watch_stats.near_misses++;
}

/* The vCPU whose posted event has this sequence number, or NULL. */
static struct vcpu *waiting_for(uint32_t seq)
{
	for (unsigned i = 0; i < MAX_DOMAINS; i++) {
		struct vcpu *v = &domains[i].vcpu;

		if (domain_alive(&domains[i]) && v->wait == WAIT_VERDICT &&
		    v->event.seq == seq)
			return v;
	}
	return 0;
}

static bool adopt_orphan(uint32_t seq)
{
	for (unsigned i = 0; i < sizeof(orphans) / sizeof(orphans[0]); i++) {
		if (seq && orphans[i] == seq) {
			orphans[i] = 0;
			watch_ring_answered(&ring.idx);
			return true;
		}
	}
	return false;
}

/* The posted event `seq` will get no verdict from the monitor's answer
 * (it timed out, or its vCPU is gone), but its slot is freed only by that
 * answer: the monitor may still be reading the request. */
static void owe_slot(uint32_t seq)
{
	for (unsigned i = 0; i < sizeof(orphans) / sizeof(orphans[0]); i++) {
		if (!orphans[i]) {
			orphans[i] = seq;
			return;
		}
	}
}

void watch_event_vcpu_gone(struct vcpu *v)
{
	if (v->wait == WAIT_RING)
		forget_waiter(v);
	if (v->wait == WAIT_VERDICT && ring.monitor)
		owe_slot(v->event.seq);
}

static void take(const struct watch_response *rsp)
{
	struct vcpu *v = waiting_for(rsp->seq);

	if (!v && adopt_orphan(rsp->seq)) {
		watch_stats.bad_responses++;
		printk("warden: refused a late answer from the monitor (seq %u): that event already had its verdict\n",
		       rsp->seq);
		return;
	}

	if (!v || rsp->verdict > WATCH_ALLOW_REMOVE) {
		watch_stats.bad_responses++;
		printk("warden: refused a response from the monitor: %s (seq %u, verdict %u)\n",
		       v ? "unknown verdict" : "no event waits for that sequence number",
		       rsp->seq, rsp->verdict);
		return;
	}
	watch_ring_answered(&ring.idx);
	apply(v, rsp->verdict, rsp->flags, rsp->value);
}

void watch_event_take_responses(void)
{
	struct watch_ring *r;
	uint32_t prod;

	if (!ring.monitor)
		return;
	r = ring_map();
	prod = r->rsp_prod;
	if (watch_ring_new_responses(&ring.idx, prod) < 0) {
		watch_stats.bad_responses++;
		printk("warden: refused the monitor's response index %u (expected at most %u)\n",
		       prod, ring.idx.rsp_cons + ring.idx.size);
		frame_unmap(r);
		return;
	}
	while (ring.idx.rsp_cons != prod) {
		struct watch_response rsp = r->rsp[watch_ring_take(&ring.idx)];

		r->rsp_cons = ring.idx.rsp_cons;
		take(&rsp);	/* a copy: the monitor may change the slot */
	}
	frame_unmap(r);
	post_waiters();
}

static bool overdue(const struct vcpu *v, uint64_t now)
{
	return (v->wait == WAIT_VERDICT || v->wait == WAIT_RING) &&
	       now >= v->event_deadline;
}

static void forget_waiter(struct vcpu *v)
{
	for (unsigned i = 0; i < ring_waiting; i++) {
		if (ring_waiters[i] == v) {
			memmove(ring_waiters + i, ring_waiters + i + 1,
				(--ring_waiting - i) * sizeof(v));
			return;
		}
	}
}

/* A posted event keeps its slot until answered: the monitor may still be
 * reading it.  (A late answer is then refused as unknown.) */
void watch_event_tick(uint64_t now)
{
	for (unsigned i = 0; i < MAX_DOMAINS; i++) {
		struct vcpu *v = &domains[i].vcpu;

		if (!domain_alive(&domains[i]) || !overdue(v, now))
			continue;
		watch_stats.timeouts++;
		if (v->wait == WAIT_RING)
			forget_waiter(v);
		else
			owe_slot(v->event.seq);
		apply_default(v, "the monitor did not answer in time");
	}
}

void watch_event_monitor_gone(void)
{
	for (unsigned i = 0; i < MAX_DOMAINS; i++)
		if (domain_alive(&domains[i]) && domains[i].paused) {
			domains[i].paused = false;	/* nobody will say ready */
			printk("warden: domain %u (%s) starts without a monitor\n",
			       domains[i].id, domains[i].name);
		}
	if (!ring.monitor)
		return;
	ring.monitor = 0;
	ring_waiting = 0;
	for (unsigned i = 0; i < MAX_DOMAINS; i++) {
		struct vcpu *v = &domains[i].vcpu;

		if (domain_alive(&domains[i]) &&
		    (v->wait == WAIT_VERDICT || v->wait == WAIT_RING))
			apply_default(v, "the monitor is gone");
	}
}

/* The ring page must be plain memory: not a page table, not the GDT, not
 * the shared-info page -- Warden will write requests all over it. */
static bool ordinary_page(struct vcpu *m, uint32_t pfn)
{
	const struct pfn_info *g = p2m_info(&m->domain->p2m, pfn);

	return g && !pfn_protected(g) && g->mfn != m->domain->shared_info &&
	       !table_find_level(m->shadow.p2m, m->shadow.guest_cr3, pfn) &&
	       !shadow_table_in_use(&m->shadow, pfn);
}

long watch_event_ring_register(struct vcpu *m, const struct warden_ring_register *reg)
{
	uint32_t gpa;
	struct watch_ring *r;

	if (reg->order < 1 || reg->order > WATCH_RING_MAX_ORDER || (reg->page & (PAGE_SIZE - 1)) ||
	    reg->port == 0 || reg->port >= EVTCHN_PORTS || !watch_translate(m, reg->page, PAGE_SIZE, &gpa))
		return -XEN_EINVAL;
	if (ring.monitor)
		return -XEN_EEXIST;	/* once */
	if (!ordinary_page(m, gpa >> PAGE_SHIFT))
		return -XEN_EINVAL;
	ring.monitor = m->domain;
	ring.ring_mfn = p2m_info(&m->domain->p2m, gpa >> PAGE_SHIFT)->mfn;
	ring.port = reg->port;
	watch_ring_reset(&ring.idx, 1u << reg->order);
	ring.timeout_ns = reg->timeout_ms ? reg->timeout_ms * NS_PER_MS : default_timeout_ns;
	r = ring_map();
	memset(r, 0, sizeof(*r));
	r->size = ring.idx.size;
	frame_unmap(r);
	return 0;
}
