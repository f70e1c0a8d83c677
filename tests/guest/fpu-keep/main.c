/*
 * fpu-keep: holds values in the x87 and SSE registers while other domains
 * run, and checks they are still there.  The values come from a hash of
 * our command line, so two copies with different names= hold different
 * ones (tests/boot/fpu-two runs two).
 *
 * Shows: in ROUNDS rounds, the eight x87 registers and eight XMM registers
 * we loaded read back unchanged after at least one preemption each round
 * -- Warden saved them when another domain took the FPU (lazily, at its
 * first FPU instruction) and gave them back at ours.
 * Cannot show: that the other domain really used the FPU in our gaps (it
 * does if it is another fpu-keep); MXCSR or the x87 control word.
 */
#include "guest/lib/console.h"
#include "guest/lib/fpu.h"
#include "guest/lib/spin.h"
#include "guest/lib/test.h"
#include "guest/lib/time.h"

#define ROUNDS		5
#define SPIN_NS		(60 * NS_PER_MS)	/* three slices or more */

static uint32_t seed;

/* FNV-1a of the command line, then xorshift for each value. */
static uint32_t hash(const char *s)
{
	uint32_t h = 2166136261u;

	while (*s)
		h = (h ^ (uint8_t)*s++) * 16777619u;
	return h;
}

static uint32_t next(void)
{
	seed ^= seed << 13;
	seed ^= seed >> 17;
	seed ^= seed << 5;
	return seed;
}

static void fill(int64_t v[FPU_X87_REGS], struct xmm x[FPU_XMM_REGS])
{
	for (unsigned i = 0; i < FPU_X87_REGS; i++)
		v[i] = (int64_t)((uint64_t)(next() >> 1) << 32 | next());
	for (unsigned i = 0; i < FPU_XMM_REGS; i++)
		for (unsigned j = 0; j < 4; j++)
			x[i].w[j] = next();
}

static void compare(unsigned round, const int64_t *v, const int64_t *got,
		    const struct xmm *x, const struct xmm *xgot)
{
	for (unsigned i = 0; i < FPU_X87_REGS; i++)
		if (v[i] != got[i])
			test_fail("round %u: ST(%u) is 0x%llx, we loaded 0x%llx",
				  round, i, (uint64_t)got[i], (uint64_t)v[i]);
	for (unsigned i = 0; i < FPU_XMM_REGS; i++)
		for (unsigned j = 0; j < 4; j++)
			if (x[i].w[j] != xgot[i].w[j])
				test_fail("round %u: xmm%u word %u is 0x%x, we loaded 0x%x",
					  round, i, j, xgot[i].w[j], x[i].w[j]);
}

static unsigned round_trip(unsigned round)
{
	int64_t v[FPU_X87_REGS], got[FPU_X87_REGS];
	struct xmm x[FPU_XMM_REGS], xgot[FPU_XMM_REGS];
	struct spin_result r;

	fill(v, x);
	fpu_x87_load(v);
	fpu_xmm_load(x);
	r = spin_for(SPIN_NS, 0, 0);
	fpu_xmm_store(xgot);
	fpu_x87_store(got);
	compare(round, v, got, x, xgot);
	return r.gaps;
}

void test_main(void)
{
	unsigned preempted = 0;

	if (!fpu_has_sse())
		test_fatal("this CPU has no SSE or no FXSR");
	seed = hash(start_info->cmd_line) | 1;
	for (unsigned i = 0; i < ROUNDS; i++)
		preempted += round_trip(i) != 0;
	printk("%u of %u rounds were preempted with our values in the FPU\n", preempted, ROUNDS);
	if (preempted < ROUNDS)
		test_fail("only %u of %u rounds were preempted: run beside another fpu-keep",
			  preempted, ROUNDS);
}
