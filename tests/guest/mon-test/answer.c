/*
 * answer.c - the test monitor's answers (answer.h).
 *
 * Every answer follows one rule from the command line.  A bad response is
 * sent just before a batch of good ones, and Warden must refuse it and
 * count it (MONITOR_OP_stats, read before and after), while the writer it
 * was aimed at keeps waiting and then takes the good answer:
 *
 *   seq      a sequence number no event has (the request's + 1000)
 *   repeat   the sequence number of an event already answered, with the
 *            opposite verdict, while another event waits (so it is sent
 *            with the second batch)
 *   verdict  the right sequence number, verdict 9
 *   index    rsp_prod moved past every response that could exist
 */
#include "tests/guest/mon-test/answer.h"
#include "guest/lib/console.h"
#include "guest/lib/test.h"
#include "guest/lib/watch_calls.h"
#include "tests/guest/mon-test/ring.h"

#define BAD_VERDICT_NUMBER	9
#define UNKNOWN_SEQ_OFFSET	1000

uint32_t answered[WATCH_ALLOW_REMOVE + 1];

static struct verdict_rule rule;
static enum bad_kind bad;
static unsigned batches;
static uint32_t first_seq;		/* of the first event answered */

static const char *const bad_names[] = { "none", "seq", "repeat", "verdict", "index" };

void answer_configure(struct verdict_rule r, enum bad_kind b)
{
	if (r.rule > RULE_PARITY)
		test_fatal("verdict=: a monitor answers allow, deny, deny-fault, value=N, remove or parity");
	rule = r;
	bad = b;
}

enum bad_kind answer_bad_kind(void)
{
	const char *v = opt_find("bad", true);

	for (unsigned k = BAD_SEQ; v && k <= BAD_INDEX; k++)
		if (opt_is(v, bad_names[k]))
			return (enum bad_kind)k;
	if (v)
		test_fatal("bad=: seq, repeat, verdict or index");
	return BAD_NONE;
}

static struct watch_response verdict_for(const struct watch_request *r)
{
	struct watch_response rsp = { r->seq, WATCH_ALLOW, 0, 0, 0 };

	switch (rule.rule) {
	case RULE_DENY_FAULT:
		rsp.flags = WATCH_DENY_FAULT;
		rsp.verdict = WATCH_DENY;
		break;
	case RULE_DENY:
		rsp.verdict = WATCH_DENY;
		break;
	case RULE_VALUE:
		rsp.verdict = WATCH_WRITE_VALUE;
		rsp.value = rule.value;
		break;
	case RULE_REMOVE:
		rsp.verdict = WATCH_ALLOW_REMOVE;
		break;
	case RULE_PARITY:
		rsp.verdict = r->new_value & 1 ? WATCH_DENY : WATCH_ALLOW;
		break;
	default:
		break;
	}
	return rsp;
}

static uint64_t bad_responses(void)
{
	struct warden_watch_stats s;

	if (watch_call_stats(&s))
		test_fatal("MONITOR_OP_stats refused");
	return s.bad_responses;
}

/* The bad response of our kind, aimed at the request r waiting now.  Its
 * verdict is the opposite of the good one, so a writer would notice if
 * Warden took it. */
static void send_bad(const struct watch_request *r)
{
	struct watch_response rsp = verdict_for(r);
	uint64_t before = bad_responses();

	rsp.verdict = rsp.verdict == WATCH_ALLOW ? WATCH_DENY : WATCH_ALLOW;
	rsp.flags = 0;
	if (bad == BAD_SEQ)
		rsp.seq += UNKNOWN_SEQ_OFFSET;
	if (bad == BAD_REPEAT)
		rsp.seq = first_seq;
	if (bad == BAD_VERDICT)
		rsp.verdict = BAD_VERDICT_NUMBER;
	if (bad == BAD_INDEX) {
		ring_bad_index();
	} else {
		ring_put(&rsp);
		ring_push();
	}
	if (test_eq("the bad response is counted", (long)(bad_responses() - before), 1))
		printk("sent a bad response (%s): refused and counted\n", bad_names[bad]);
}

void answer_all(const struct watch_request *req, unsigned n)
{
	if (n == 0)
		return;
	if (batches++ == 0)
		first_seq = req[0].seq;
	if (bad != BAD_NONE && batches == (bad == BAD_REPEAT ? 2u : 1u))
		send_bad(&req[0]);
	for (unsigned i = 0; i < n; i++) {
		struct watch_response rsp = verdict_for(&req[i]);

		answered[rsp.verdict]++;
		ring_put(&rsp);
	}
	ring_push();
}
