/*
 * fpu.h - putting known values into the FPU and SSE registers and reading
 * them back, from a kernel built without floating point.
 *
 * Guests are compiled with general registers only (as Warden), so the C
 * compiler never touches these registers behind our back: what we load
 * stays there until we read it, unless something else -- another domain,
 * or Warden -- changes it.  x87 registers hold 64-bit integers (fild and
 * fistp are exact for them), SSE registers 16 bytes each.
 */
#ifndef GUEST_LIB_FPU_H
#define GUEST_LIB_FPU_H

#include <stdbool.h>
#include <stdint.h>

#define FPU_X87_REGS	8
#define FPU_XMM_REGS	8

struct xmm {
	uint32_t w[4];
};

/* Whether the CPU has SSE (and FXSR, which Warden needs to save it). */
bool fpu_has_sse(void);

/* fninit, then push v[7] .. v[0]: ST(i) holds v[i]. */
void fpu_x87_load(const int64_t v[FPU_X87_REGS]);

/* Pop ST(0) .. ST(7) into v[0] .. v[7]: the stack is empty afterwards. */
void fpu_x87_store(int64_t v[FPU_X87_REGS]);

void fpu_xmm_load(const struct xmm x[FPU_XMM_REGS]);
void fpu_xmm_store(struct xmm x[FPU_XMM_REGS]);

/* The whole FPU and SSE state, as FXSAVE stores it (Intel SDM vol. 1,
 * 10.5.1): the x87 control, status and abridged tag words, MXCSR, the
 * eight x87 registers in 16-byte slots, then the XMM registers. */
struct fxsave_area {
	uint16_t fcw, fsw;
	uint8_t ftw, reserved0;
	uint16_t fop;
	uint32_t fip, fcs, fdp, fds;
	uint32_t mxcsr, mxcsr_mask;
	uint8_t st[FPU_X87_REGS][16];
	struct xmm xmm[FPU_XMM_REGS];
	uint8_t rest[224];
} __attribute__((aligned(16)));

void fpu_fxsave(struct fxsave_area *area);

/* One x87 instruction (fnop) or one SSE instruction, under the exception
 * table: 0, or the exinfo of its fault (#NM while our CR0.TS is set). */
uint32_t fpu_probe_x87(void);
uint32_t fpu_probe_sse(void);

#endif
