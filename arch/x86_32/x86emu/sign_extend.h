/*
 * sign_extend.h - widen a 1-, 2- or 4-byte two's-complement value to 32
 * bits: the decoder does it to displacements, the emulator to immediates.
 */
#ifndef ARCH_X86_32_X86EMU_SIGN_EXTEND_H
#define ARCH_X86_32_X86EMU_SIGN_EXTEND_H

#include <stdint.h>

/* value holds size bytes (1, 2 or 4); the bits above them are ignored. */
static inline uint32_t sign_extend(uint32_t value, unsigned size)
{
	uint32_t sign = 1u << (size * 8 - 1);
	uint32_t mask = sign | (sign - 1);

	/* Flipping the sign bit then subtracting it borrows into every upper bit. */
	return ((value & mask) ^ sign) - sign;
}

#endif
