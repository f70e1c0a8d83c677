/*
 * experiment.c - the experiment's workloads on watched memory
 * (experiment.h).
 */
#include "guest/kernel/experiment.h"
#include "guest/kernel/protect.h"
#include "guest/kernel/work.h"
#include "guest/lib/console.h"
#include "guest/lib/pt.h"
#include "guest/lib/test.h"
#include "guest/lib/x86.h"

#define SEED		0x2545f491u	/* the workloads' seed */

/* Where each buffer is in the page, in words. */
#define AT_CHECKSUM	0
#define AT_SORT		(AT_CHECKSUM + CHECKSUM_WORDS)
#define AT_KV		(AT_SORT + SORT_WORDS)
#define AT_STAMP	(AT_KV + KV_WORDS)
#define WORDS		(AT_STAMP + 1)

enum outcome_kind { OUTCOME_OK, OUTCOME_DETECTED, OUTCOME_WRONG };	/* worst last */

static const char *const outcome_names[] = { "OK", "DETECTED", "WRONG" };

struct workload {
	const char *name, *buffer;
	work_fn run;
	uint32_t at, words;
};

static const struct workload workloads[] = {
	{ "checksum", "the checksum buffer", work_checksum, AT_CHECKSUM, CHECKSUM_WORDS },
	{ "sort", "the sort's array", work_sort, AT_SORT, SORT_WORDS },
	{ "kv", "the key-value table", work_kv, AT_KV, KV_WORDS },
};
#define NR_WORKLOADS	(sizeof(workloads) / sizeof(workloads[0]))

/* The watched buffers, alone on their page (so nothing else written
 * there is a near miss), and plain memory for the golden runs. */
static volatile uint32_t watched[PAGE_SIZE / 4] PAGE_ALIGNED;
static volatile uint32_t golden[WORDS];

static void watch_buffers(void)
{
	for (uint32_t i = 0; i < NR_WORKLOADS; i++)
		protect_watch(workloads[i].buffer, &watched[workloads[i].at],
			      workloads[i].words * 4);
	protect_watch("the stamp (written, never read)", &watched[AT_STAMP], 4);
}

static enum outcome_kind run_one(const struct workload *w, uint32_t n)
{
	struct work_result want = w->run(&golden[w->at], SEED);
	struct work_result got = w->run(&watched[w->at], SEED);
	enum outcome_kind k = got.detected ? OUTCOME_DETECTED :
			      got.value != want.value ? OUTCOME_WRONG : OUTCOME_OK;

	golden[AT_STAMP] = n;
	watched[AT_STAMP] = n;
	if (want.detected)
		test_fatal("%s fails its own check on plain memory: the workload is broken",
			   w->name);
	printk("experiment: %s: 0x%x (golden 0x%x): %s\n", w->name, got.value, want.value,
	       outcome_names[k]);
	return k;
}

/* WRONG beats DETECTED beats OK: the enum's order. */
static enum outcome_kind worst(enum outcome_kind a, enum outcome_kind b)
{
	return a > b ? a : b;
}

bool experiment_run(const char *cmdline)
{
	enum outcome_kind outcome = OUTCOME_OK;

	if (!protect_has_word(cmdline, "experiment"))
		return false;
	watch_buffers();
	for (uint32_t i = 0; i < NR_WORKLOADS; i++)
		outcome = worst(outcome, run_one(&workloads[i], i + 1));
	printk("experiment: outcome: %s\n", outcome_names[outcome]);
	printk("experiment: instructions %llu\n", (unsigned long long)rdtsc());
	if (outcome == OUTCOME_WRONG)
		test_fail("silent data corruption: a result is wrong and no check saw it");
	return true;
}
