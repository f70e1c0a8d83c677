/*
 * tss.h - the 32-bit task-state segment.
 *
 * Warden uses a TSS for three things: ESP0/SS0, the stack the CPU switches
 * to when a trap leaves ring 1 or 3; the main TSS's I/O-permission bitmap
 * (cpu_tables.c), all ones but for the monitor's COM2 while it runs (with
 * base 0 and no bitmap a ring-3 program could reach QEMU's exit port);
 * and, in a second TSS, the double-fault task.
 */
#ifndef ARCH_X86_32_TSS_H
#define ARCH_X86_32_TSS_H

#include <stdint.h>

struct tss {
	uint16_t link, reserved0;
	uint32_t esp0;
	uint16_t ss0, reserved1;
	uint32_t esp1;
	uint16_t ss1, reserved2;
	uint32_t esp2;
	uint16_t ss2, reserved3;
	uint32_t cr3, eip, eflags;
	uint32_t eax, ecx, edx, ebx, esp, ebp, esi, edi;
	uint16_t es, reserved4, cs, reserved5, ss, reserved6;
	uint16_t ds, reserved7, fs, reserved8, gs, reserved9;
	uint16_t ldt, reserved10, trap, iomap_base;
};

_Static_assert(sizeof(struct tss) == 104, "TSS layout");


#endif
