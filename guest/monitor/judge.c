/*
 * judge.c - from request to verdict (judge.h).
 *
 * Every request waiting is taken off the ring (copied out first), judged
 * by the experiment's faults if one fires (fault.h), else by the policy,
 * told on the console and on COM2, and answered; Warden
 * hears about all the answers of a batch with one MONITOR_OP_responses.
 * The writing vCPU waits, paused, from its write until that call, so the
 * story is told before the guest goes on: a slow console slows the guest
 * down but never reorders what the console shows.
 */
#include "guest/monitor/judge.h"
#include "guest/lib/console.h"
#include "guest/monitor/com2.h"
#include "guest/monitor/domains.h"
#include "guest/monitor/event_text.h"
#include "guest/monitor/fault.h"
#include "guest/monitor/ring.h"
#include "guest/monitor/spec.h"
#include "lib/format.h"

static const struct policy *policy;
static bool quiet;
static struct {
	uint32_t events;
	uint32_t verdicts[VERDICT_KINDS];
} counts;

void judge_init(const struct policy *p, bool be_quiet)
{
	policy = p;
	quiet = be_quiet;
}

/* The event as one JSON line on COM2, with the watch hit and, if an
 * experiment faulted it, "fault":MODEL (the campaign runner reads both). */
static void stream(const struct watch_request *req, const char *name, struct verdict v,
		   const char *fault)
{
	char text[EVENT_TEXT_MAX + SPEC_TEXT_MAX + 32];
	int n = event_json(text, EVENT_TEXT_MAX, req, name, v);

	if (n > EVENT_TEXT_MAX - 1)
		n = EVENT_TEXT_MAX - 1;		/* cut, as event_json did */
	if (n > 0 && text[n - 1] == '}')
		n += sformat(text + n - 1, sizeof(text) - (size_t)n, ",\"watch\":%u%s%s%s}",
			     req->watch_id, fault ? ",\"fault\":\"" : "", fault ? fault : "",
			     fault ? "\"" : "") - 1;
	text[n++] = '\n';
	com2_write(text, (uint32_t)n);
}

static void judge(const struct watch_request *req)
{
	const char *name = domain_name(req->domid), *fault = 0;
	struct verdict v;
	struct watch_response rsp;
	char text[EVENT_TEXT_MAX];

	if (!fault_decide(req, &v, &fault))
		v = policy_decide(policy, req, name);
	rsp = verdict_response(v, req->seq);

	if (!quiet) {
		event_line(text, sizeof(text), req, name, v);
		printk("%s\n", text);
	}
	stream(req, name, v, fault);
	counts.events++;
	counts.verdicts[v.kind]++;
	ring_answer(&rsp);
}

void judge_pending(void)
{
	struct watch_request req;

	while (ring_take(&req))
		judge(&req);
	ring_push();
}

void judge_print_counts(void)
{
	printk("monitor: %u events: %u allowed, %u denied, %u denied by a fault, "
	       "%u written with another value, %u allowed and the watch removed\n",
	       counts.events, counts.verdicts[VERDICT_ALLOW], counts.verdicts[VERDICT_DENY],
	       counts.verdicts[VERDICT_DENY_FAULT], counts.verdicts[VERDICT_VALUE],
	       counts.verdicts[VERDICT_REMOVE]);
}

void judge_print_policy(void)
{
	char text[96], verdict[32];

	for (unsigned i = 0; i < policy->count; i++) {
		rule_format(text, sizeof(text), &policy->rules[i]);
		printk("  rule %u: %s\n", i + 1, text);
	}
	verdict_format(verdict, sizeof(verdict), policy->fallback);
	printk("  default: %s\n", verdict);
}
