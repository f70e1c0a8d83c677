/*
 * time: system time from vcpu_time_info (Xen's protocol, guest/lib/time.c).
 *
 * Shows: the record is consistent -- an even version, a scale that is not
 * zero, and each of 20 new records Warden publishes (one a tick) lies on
 * the line of the old one (its system_time is what the old record says
 * for its tsc_timestamp, to a few ns), so time read across hypercalls and
 * Warden's updates never goes backwards; between timer ticks, system time
 * advances 10 ms (the median of 100 intervals, within 10%), and the TSC,
 * by the published scale, spans at least the system time measured inside
 * its readings.
 * Cannot show: that system time matches the wall clock outside QEMU, or a
 * torn read (Warden writes the record only while we are not running, so
 * the retry on an odd or changed version never happens here).
 */
#include "guest/lib/console.h"
#include "guest/lib/events.h"
#include "guest/lib/evtchn.h"
#include "guest/lib/hypercall.h"
#include "guest/lib/test.h"
#include "guest/lib/time.h"
#include "guest/lib/x86.h"
#include "include/public/version.h"

#define UPDATES		20		/* one a tick: 200 ms */
#define HYPERCALLS_MAX	10000000
#define LINE_SLACK_NS	16		/* rounding of two scaled readings */
#define TICKS		100
#define TICK_NS		(10 * NS_PER_MS)

static void record_is_sane(void)
{
	struct vcpu_time_info t = time_info();

	test_eq("version even", t.version & 1, 0);
	if (t.tsc_to_system_mul == 0)
		test_fail("tsc_to_system_mul is 0");
	if (t.tsc_timestamp > rdtsc())
		test_fail("tsc_timestamp 0x%llx is in the future", t.tsc_timestamp);
}

/* Each hypercall may bring a new record (Warden publishes one on the
 * first entry after each tick): time read across it must not go back, and
 * a new record must lie on the line of the old one.  (How far it moves
 * forward is not checked: the host may stop QEMU for milliseconds.) */
static void updates_on_the_line(void)
{
	struct vcpu_time_info old = time_info(), now;
	unsigned updates = 0;

	for (unsigned i = 0; updates < UPDATES && i < HYPERCALLS_MAX; i++) {
		uint64_t before = time_at_tsc(&old, rdtsc()), after, predicted;

		hc_xen_version(XENVER_version, 0);
		now = time_info();
		after = time_at_tsc(&now, rdtsc());
		if (after < before)
			test_fatal("hypercall %u: time went back from %llu to %llu ns", i, before, after);
		if (now.version == old.version)
			continue;
		predicted = time_at_tsc(&old, now.tsc_timestamp);
		if (now.system_time + LINE_SLACK_NS < predicted || now.system_time > predicted + LINE_SLACK_NS)
			test_fatal("update %u: system_time %llu, the old record says %llu",
				   updates, now.system_time, predicted);
		old = now;
		updates++;
	}
	test_eq("new records seen", updates, UPDATES);
}

/* The system time of each timer event, taken in its handler. */
static uint64_t stamps[TICKS + 1];
static unsigned stamped;

static void stamp(evtchn_port_t port, struct cpu_regs *regs)
{
	(void)port;
	(void)regs;
	if (stamped <= TICKS)
		stamps[stamped++] = time_now_ns();
}

/* The median of the n intervals between stamps (sorted in place). */
static uint64_t median_interval(uint64_t *iv, unsigned n)
{
	for (unsigned i = 0; i < n; i++)
		iv[i] = stamps[i + 1] - stamps[i];
	for (unsigned i = 1; i < n; i++)
		for (unsigned j = i; j > 0 && iv[j - 1] > iv[j]; j--) {
			uint64_t t = iv[j];

			iv[j] = iv[j - 1];
			iv[j - 1] = t;
		}
	return iv[n / 2];
}

/*
 * Time against ticks, and against the TSC by the scale.  The median tick
 * interval, not the total: a busy host that stops QEMU for a while makes
 * a few intervals long and the ticks QEMU then catches up on short, but
 * leaves most of them one tick.
 */
static void ticks_and_tsc(void)
{
	long port = evtchn_bind_virq(VIRQ_TIMER);
	uint64_t tsc0, tsc1, by_tsc, median, intervals[TICKS];
	struct vcpu_time_info info;

	if (port <= 0)
		test_fatal("bind_virq VIRQ_TIMER: %ld", port);
	events_set_handler((evtchn_port_t)port, stamp);
	tsc0 = rdtsc();
	while (stamped <= TICKS)
		events_block();
	tsc1 = rdtsc();
	info = time_info();
	by_tsc = time_tsc_to_ns(&info, tsc1 - tsc0);
	median = median_interval(intervals, TICKS);
	printk("%u ticks: median interval %llu us; %llu us of system time, %llu us by the TSC\n",
	       TICKS, median / 1000, (stamps[TICKS] - stamps[0]) / 1000, by_tsc / 1000);
	if (median < TICK_NS - TICK_NS / 10 || median > TICK_NS + TICK_NS / 10)
		test_fail("the median tick took %llu us of system time, expected 10000 +- 10%%",
			  median / 1000);
	if (by_tsc < stamps[TICKS] - stamps[0])
		test_fail("the TSC says %llu us, less than the %llu us of system time inside",
			  by_tsc / 1000, (stamps[TICKS] - stamps[0]) / 1000);
}

void test_main(void)
{
	events_init();
	record_is_sane();
	updates_on_the_line();
	ticks_and_tsc();
}
