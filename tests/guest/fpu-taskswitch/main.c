/*
 * fpu-taskswitch: our virtual CR0.TS, which a PV kernel sets with
 * fpu_taskswitch to switch its own processes' FPU state lazily.
 *
 * Shows: with TS clear, x87 and SSE instructions run; fpu_taskswitch(1)
 * makes the next x87 instruction raise #NM in our own handler (no error
 * code), and Warden clears TS as it delivers it, as Xen does, so the
 * instruction then runs without a fault; the same for an SSE instruction;
 * instructions that are not FPU ones do not fault; TS stays set across a
 * yield and across 30 ms of timer ticks; values in the x87 registers
 * survive the round through #NM; fpu_taskswitch(0) clears TS.
 * Cannot show: Warden's own #NM, by which it switches the FPU between
 * domains -- it is invisible to a guest (fpu-two shows its effect).
 */
#include "guest/lib/extable.h"
#include "guest/lib/fpu.h"
#include "guest/lib/hypercall.h"
#include "guest/lib/spin.h"
#include "guest/lib/test.h"
#include "guest/lib/time.h"

#define EXINFO_NM	EXINFO(7, 0)

static void expect_nm(const char *what, uint32_t (*probe)(void))
{
	char got[32], want[32];
	uint32_t first = probe(), again = probe();

	if (first != EXINFO_NM)
		test_fail("%s with TS set: %s, expected %s", what,
			  exinfo_name(got, sizeof(got), first),
			  exinfo_name(want, sizeof(want), EXINFO_NM));
	if (again != 0)
		test_fail("%s after the #NM: %s, expected no fault (TS cleared)", what,
			  exinfo_name(got, sizeof(got), again));
}

static void values_survive(void)
{
	const int64_t v[FPU_X87_REGS] = { 1, -2, 3, -4, 5, -6, 7, 0x123456789abcdefll };
	int64_t got[FPU_X87_REGS];

	fpu_x87_load(v);
	hc_fpu_taskswitch(1);
	test_eq("x87 with TS set, values loaded", fpu_probe_x87(), EXINFO_NM);
	fpu_x87_store(got);
	for (unsigned i = 0; i < FPU_X87_REGS; i++)
		if (got[i] != v[i])
			test_fail("ST(%u) after #NM is 0x%llx, we loaded 0x%llx", i,
				  (uint64_t)got[i], (uint64_t)v[i]);
}

void test_main(void)
{
	if (!fpu_has_sse())
		test_fatal("this CPU has no SSE or no FXSR");
	test_eq("x87, TS clear", fpu_probe_x87(), 0);
	test_eq("SSE, TS clear", fpu_probe_sse(), 0);
	test_eq("fpu_taskswitch(1)", hc_fpu_taskswitch(1), 0);
	test_eq("time read (no FPU) with TS set", time_now_ns() != 0, 1);
	expect_nm("x87", fpu_probe_x87);
	hc_fpu_taskswitch(1);
	expect_nm("SSE", fpu_probe_sse);
	hc_fpu_taskswitch(1);
	hc_sched_op(SCHEDOP_yield, 0);
	expect_nm("x87 after a yield", fpu_probe_x87);
	hc_fpu_taskswitch(1);
	spin_for(30 * NS_PER_MS, 0, 0);
	expect_nm("x87 after 30 ms of ticks", fpu_probe_x87);
	values_survive();
	hc_fpu_taskswitch(1);
	test_eq("fpu_taskswitch(0)", hc_fpu_taskswitch(0), 0);
	test_eq("x87 after TS cleared", fpu_probe_x87(), 0);
}
