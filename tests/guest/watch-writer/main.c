/*
 * watch-writer: a guest that watches its own memory and writes into it
 * again and again, checking after each write what the verdict did.  Run
 * beside a monitor (tests/guest/mon-test), several at once if need be.
 * Command line:
 *
 *   mode=var|alias|pte  what it watches and writes (targets.h; var)
 *   writes=N            how many writes into the watched range (10)
 *   expect=RULE         the verdict each write must meet (watch_lib.h:
 *                       allow, deny, deny-fault, value=N, remove,
 *                       parity, any, allow-then-deny; default allow)
 *   near=M              first, M rounds of 4 writes next to the range
 *   table-writes=K      first, K direct writes to an unwatched page table
 *   warden-writes=H     first, H hypercalls whose result would land in
 *                       the watched word (mode var): each refused
 *   min-ms=A max-ms=B   each write into the range takes A to B ms
 *                       (a default verdict after a timeout)
 *
 * It also checks that every monitor call is refused to it.  At the end it
 * prints what it saw ("writes N allowed A denied D faulted F values V"),
 * so a boot test can add up several writers and compare with the
 * monitor's MONITOR_OP_stats.
 *
 * Shows: each write into the range met the expected verdict, as this
 * guest sees it.  Cannot show: that the monitor was asked (the monitor
 * and the boot test check that).
 */
#include "guest/lib/console.h"
#include "guest/lib/time.h"
#include "guest/lib/watch_calls.h"
#include "include/public/errno.h"
#include "include/public/xen.h"
#include "tests/guest/watch-lib/watch_lib.h"
#include "tests/guest/watch-writer/targets.h"

static struct verdict_rule expect;
static uint32_t min_ms, max_ms;
static uint32_t counts[CHANGED_OTHER + 1];

static void monitor_calls_refused(void)
{
	for (uint32_t cmd = MONITOR_OP_ring_register; cmd <= MONITOR_OP_stats; cmd++)
		if (watch_call_monitor(cmd, 0) != -XEN_EPERM)
			test_fail("monitor call %u was not refused to a writer", cmd);
}

static const struct target *chosen_target(void)
{
	const struct target *all[] = { &target_var, &target_alias, &target_pte };
	const char *mode = opt_find("mode", true);

	for (unsigned i = 0; mode && i < sizeof(all) / sizeof(all[0]); i++)
		if (opt_is(mode, all[i]->name))
			return all[i];
	if (mode)
		test_fatal("mode=: var, alias or pte");
	return &target_var;
}

static bool as_expected(const struct result *r)
{
	switch (expect.rule) {
	case RULE_ALLOW:
	case RULE_REMOVE:
		return r->outcome == LANDED;
	case RULE_DENY:
		return r->outcome == UNCHANGED;
	case RULE_DENY_FAULT:
		return r->outcome == FAULTED;
	case RULE_VALUE:
		return r->outcome == CHANGED_OTHER && r->now == (uint32_t)expect.value;
	case RULE_PARITY:
		return r->outcome == (r->wrote & 1 ? UNCHANGED : LANDED);
	case RULE_ANY:
		return r->outcome == LANDED || r->outcome == UNCHANGED;
	case RULE_ALLOW_THEN_DENY:
		return r->outcome == UNCHANGED || (r->outcome == LANDED && !counts[UNCHANGED]);
	}
	return false;
}

static void check_time(unsigned i, uint64_t ns)
{
	uint64_t ms = ns / NS_PER_MS;

	if (ms < min_ms || ms > max_ms)
		test_fail("write %u took %llu ms", i, (unsigned long long)ms);
}

static void check_watches_left(void)
{
	struct warden_watch w[4];
	long left = watch_call_list(DOMID_SELF, w, 4);

	test_eq("watches left", left, expect.rule == RULE_REMOVE ? 0 : 1);
}

/* One write into the range, checked against what we expect. */
static void write_once(const struct target *t, uint32_t i)
{
	uint64_t start = time_now_ns();
	struct result r = t->write(i);

	if (expect.rule == RULE_VALUE && r.now == (uint32_t)expect.value)
		r.outcome = CHANGED_OTHER;	/* the monitor's value, maybe again */
	check_time(i, time_now_ns() - start);
	if (!as_expected(&r))
		test_fail("write %u (0x%x): outcome %u, 0x%x there", i, r.wrote,
			  r.outcome, r.now);
	counts[r.outcome]++;
}

void test_main(void)
{
	const struct target *t = chosen_target();
	uint32_t writes = opt_u32("writes", 10);

	expect = opt_rule("expect", RULE_ALLOW);
	min_ms = opt_u32("min-ms", 0);
	max_ms = opt_u32("max-ms", UINT32_MAX);
	monitor_calls_refused();
	table_writes(opt_u32("table-writes", 0));
	t->setup();
	near_misses(opt_u32("near", 0));
	warden_writes(opt_u32("warden-writes", 0));
	for (uint32_t i = 0; i < writes; i++)
		write_once(t, i);
	printk("writes %u allowed %u denied %u faulted %u values %u\n", writes,
	       counts[LANDED], counts[UNCHANGED], counts[FAULTED], counts[CHANGED_OTHER]);
	check_watches_left();
}
