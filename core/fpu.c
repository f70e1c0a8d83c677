/*
 * fpu.c - floating point, switched lazily.
 *
 * Warden itself never touches the FPU (it is built with general registers
 * only), so the FPU registers always hold some guest's state: its owner's.
 * Switching them on every vCPU switch would cost a save and a restore each
 * time; instead Warden sets CR0.TS whenever the vCPU entering is not the
 * owner, and the CPU raises #NM at the guest's first FPU instruction.  Then
 * Warden saves the owner's state, loads the new one's, clears TS and lets
 * the instruction run again.
 *
 * A guest kernel plays the same game with its own processes, through
 * Xen's fpu_taskswitch hypercall: it sets its *virtual* TS.  While that is
 * set, #NM goes to the guest's own handler (with its TS cleared, as Xen
 * does, so the handler can use the FPU).
 *
 * FXSAVE/FXRSTOR save SSE registers too; a CPU without them gets
 * FNSAVE/FRSTOR.
 */
#include "core/fpu.h"
#include "arch/x86_32/x86.h"
#include "core/bounce.h"
#include "lib/string.h"

#define CR0_MP		(1u << 1)
#define CR0_EM		(1u << 2)
#define CR0_NE		(1u << 5)
#define CR4_OSFXSR	(1u << 9)
#define CPUID_1_EDX_FXSR (1u << 24)

static bool use_fxsave;
static struct vcpu *owner;
static uint8_t initial_state[FPU_STATE_SIZE] __attribute__((aligned(16)));

static void save(uint8_t *area)
{
	if (use_fxsave)
		__asm__ volatile("fxsave %0" : "=m"(*(uint8_t (*)[512])area));
	else
		__asm__ volatile("fnsave %0" : "=m"(*(uint8_t (*)[108])area));
}

static void restore(const uint8_t *area)
{
	if (use_fxsave)
		__asm__ volatile("fxrstor %0" : : "m"(*(const uint8_t (*)[512])area));
	else
		__asm__ volatile("frstor %0" : : "m"(*(const uint8_t (*)[108])area));
}

void fpu_init(void)
{
	use_fxsave = (cpuid(1).edx & CPUID_1_EDX_FXSR) != 0;
	if (use_fxsave)
		lcr4(rcr4() | CR4_OSFXSR);
	lcr0((rcr0() | CR0_MP | CR0_NE) & ~(CR0_EM | CR0_TS));
	__asm__ volatile("fninit");
	save(initial_state);
	lcr0(rcr0() | CR0_TS);
}

void fpu_vcpu_init(struct vcpu *v)
{
	memcpy(v->fpu_state, initial_state, sizeof(v->fpu_state));
	v->fpu_ts = false;
}

void fpu_enter(struct vcpu *v)
{
	uint32_t cr0 = rcr0();
	uint32_t want = owner == v && !v->fpu_ts ? cr0 & ~CR0_TS : cr0 | CR0_TS;

	if (want != cr0)
		lcr0(want);
}

/* Make v the owner: its state in the registers, TS clear. */
static void switch_to(struct vcpu *v)
{
	lcr0(rcr0() & ~CR0_TS);
	if (owner == v)
		return;
	if (owner)
		save(owner->fpu_state);
	restore(v->fpu_state);
	owner = v;
}

void fpu_device_not_available(struct vcpu *v)
{
	if (v->fpu_ts) {
		v->fpu_ts = false;
		bounce_to_guest(v, 7, BOUNCE_NO_ERROR_CODE);
	}
	switch_to(v);
}

void fpu_forget(struct vcpu *v)
{
	if (owner == v)
		owner = 0;
}

long hc_fpu_taskswitch(struct vcpu *v, const uint32_t *arg)
{
	v->fpu_ts = arg[0] != 0;
	return 0;
}
