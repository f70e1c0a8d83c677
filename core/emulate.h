/*
 * emulate.h - running one guest instruction in Warden instead of the CPU.
 */
#ifndef CORE_EMULATE_H
#define CORE_EMULATE_H

#include <stdbool.h>

#include "arch/x86_32/x86emu/x86emu.h"
#include "core/domain.h"

/* Fetch and decode the instruction at v's EIP; NULL or why not. */
const char *emulate_fetch(struct vcpu *v, struct x86_insn *insn);

/* Emulate the instruction at v's EIP with memory accesses through mem,
 * updating v's registers only if commit (a dry run sees what an
 * instruction would write); NULL or why it could not.  The decoded
 * instruction in *insn.  On a failed access the registers stay as they
 * were (a REP's finished iterations included): the caller crashes the
 * domain then. */
const char *emulate_run(struct vcpu *v, const struct x86_mem_ops *mem,
			bool commit, struct x86_insn *insn);

/* emulate_run() on an instruction fetched and decoded already, at v's
 * EIP: a commit right after a dry run, with no guest code run between,
 * need not fetch and decode it again. */
const char *emulate_decoded(struct vcpu *v, const struct x86_mem_ops *mem,
			    bool commit, const struct x86_insn *insn);

/* What emulate_run() returns for an instruction it does not know. */
extern const char emulate_unhandled[];

/* v's registers as the emulator sees them, and back. */
struct x86_regs emulate_regs(const struct vcpu *v);
void emulate_set_regs(struct vcpu *v, const struct x86_regs *r);

#endif
