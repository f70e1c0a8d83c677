/*
 * traps.h - a guest's exception handling: the saved registers, and who
 * handles which vector.
 *
 * Every vector has a stub (trap_entry.S) that saves the registers and calls
 * trap_dispatch(), which tries, in order:
 *   1. the exception table (extable.h): an expected fault at a known
 *      instruction resumes at its fixup;
 *   2. a hook the guest set for the vector (trap_set_hook);
 *   3. nothing else: an unexpected exception fails the test (test.h).
 */
#ifndef GUEST_LIB_TRAPS_H
#define GUEST_LIB_TRAPS_H

#include <stdbool.h>
#include <stdint.h>

/* What trap_entry.S saved, lowest address first: pushal, the stub's two words,
 * then the bounce frame Warden built. */
struct cpu_regs {
	uint32_t edi, esi, ebp, esp_pushal, ebx, edx, ecx, eax;
	uint32_t vector;
	uint32_t error_code;		/* 0 for vectors without one */
	uint32_t eip, cs, eflags;	/* CS bits 16-23: the saved event mask */
	uint32_t esp, ss;		/* only if the trap came from ring 3 */
};

typedef void (*trap_hook_fn)(struct cpu_regs *regs);

/* The trap stack (for traps from ring 3) and a handler for every
 * exception, with int3 and into allowed from ring 3. */
void trap_init(void);

/* Route vector to our stub with gate DPL dpl (which rings may `int` it);
 * the result of set_trap_table. */
long trap_register(unsigned vector, unsigned dpl);

/* Run fn for vector (NULL: no hook). */
void trap_set_hook(unsigned vector, trap_hook_fn fn);

void trap_dispatch(struct cpu_regs *regs);	/* called by trap_entry.S only */

#define TRAP_STACK_SIZE	8192

extern const uint32_t trap_stubs[256];		/* trap_entry.S */
extern uint8_t trap_stack[TRAP_STACK_SIZE];	/* where ring-3 traps land */

static inline bool regs_from_ring3(const struct cpu_regs *regs)
{
	return (regs->cs & 3) == 3;
}

/* The stack pointer of the interrupted code. */
static inline uint32_t regs_sp(const struct cpu_regs *regs)
{
	return regs_from_ring3(regs) ? regs->esp : (uint32_t)(uintptr_t)&regs->esp;
}

#endif
