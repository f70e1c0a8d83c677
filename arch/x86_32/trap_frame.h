/*
 * trap_frame.h - the registers of an interrupted context, as the entry
 * stub leaves them on the stack for trap_dispatch().
 *
 * The CPU pushes EFLAGS, CS, EIP (and, when it changes rings, SS and ESP
 * first); the stub pushes an error code where the CPU did not (so every
 * frame looks the same), the vector, the data segments and the general
 * registers with PUSHA.  Read bottom to top, the struct is that story.
 */
#ifndef ARCH_X86_32_TRAP_FRAME_H
#define ARCH_X86_32_TRAP_FRAME_H

/* Exceptions for which the CPU pushes an error code itself; the entry
 * stubs (trap_entry.S) push a 0 for every other vector. */
#define TRAP_HAS_ERROR_CODE(n) ((n) == 8 || ((n) >= 10 && (n) <= 14) || \
				(n) == 17 || (n) == 21 || (n) == 29 || (n) == 30)

/* Where trap_entry.S finds CS in a frame, and a guest's whole frame. */
#define TRAP_FRAME_CS		60
#define TRAP_FRAME_SIZE		76

#ifndef __ASSEMBLER__
#include <stddef.h>
#include <stdint.h>

struct trap_frame {
	uint32_t edi, esi, ebp, esp_at_pusha, ebx, edx, ecx, eax; /* PUSHA */
	uint32_t gs, fs, es, ds;
	uint32_t vector, error_code;
	uint32_t eip, cs, eflags;	/* pushed by the CPU */
	uint32_t esp, ss;		/* only when the trap changed rings */
};

_Static_assert(offsetof(struct trap_frame, cs) == TRAP_FRAME_CS &&
	       sizeof(struct trap_frame) == TRAP_FRAME_SIZE,
	       "trap_entry.S reads the frame at these offsets");

#define TRAP_DE		0
#define TRAP_DB		1
#define TRAP_NMI	2
#define TRAP_BP		3
#define TRAP_OF		4
#define TRAP_UD		6
#define TRAP_NM		7
#define TRAP_DF		8
#define TRAP_TS		10
#define TRAP_NP		11
#define TRAP_SS		12
#define TRAP_GP		13
#define TRAP_PF		14
#define TRAP_IRQ_BASE	32		/* the PIC's IRQ 0-15 land here */
#define TRAP_HYPERCALL	0x82		/* Xen's int $0x82, ring 1 only */

/* Whether the trap came from ring 0, i.e. from Warden itself. */
static inline int trap_from_warden(const struct trap_frame *f)
{
	return (f->cs & 3) == 0;
}
#endif /* __ASSEMBLER__ */

#endif
