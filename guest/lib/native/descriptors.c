/*
 * descriptors.c - the native GDT, TSS and IDT: the tables Warden keeps for
 * a PV kernel, and what the trap part of backend.h does with them.
 *
 * The GDT holds flat 4 GiB segments for ring 0 and ring 3 and one TSS.
 * The TSS is only where the CPU finds the kernel stack for a trap from
 * ring 3 (SS0:ESP0, which backend_kernel_stack sets, as stack_switch does
 * on Warden); its I/O-map base lies past its limit, so ring 3 has no I/O
 * ports.  The IDT starts empty; every gate backend_trap_gate() makes is an
 * interrupt gate, so the kernel runs with interrupts off, as a PV kernel
 * runs with events masked (traps.c asks for that on Warden too), and only
 * ring 3 and the idle loop take interrupts.
 *
 * Returning from a trap is a plain `iret` here: trap_return below.
 */
#include <stdint.h>

#include "guest/lib/backend.h"
#include "guest/lib/native/cpu.h"
#include "guest/lib/native/init.h"

#define KERNEL_CS	0x08
#define KERNEL_DS	0x10
#define USER_CS		0x1b	/* GDT entry 3, RPL 3 */
#define USER_DS		0x23	/* GDT entry 4, RPL 3 */
#define TSS_SEL		0x28

/* Access bytes: present, DPL, code/data or system type. */
#define ACC_KERNEL_CODE	0x9a
#define ACC_KERNEL_DATA	0x92
#define ACC_USER_CODE	0xfa
#define ACC_USER_DATA	0xf2
#define ACC_TSS		0x89	/* a 32-bit TSS, not busy */
#define FLAGS_4K_32BIT	0xc	/* G and D/B */
#define GATE_INTERRUPT	0x8e	/* present, DPL 0, 32-bit interrupt gate */
#define EFLAGS_USER	(EFLAGS_IF | 0x2)

struct tss {
	uint32_t link, esp0, ss0, esp1, ss1, esp2, ss2, cr3, eip, eflags;
	uint32_t eax, ecx, edx, ebx, esp, ebp, esi, edi;
	uint32_t es, cs, ss, ds, fs, gs, ldt;
	uint16_t trap, iomap_base;
};
_Static_assert(sizeof(struct tss) == 104, "the CPU's 32-bit TSS");

static uint64_t gdt[6];
static uint64_t idt[256];
static struct tss tss;

__asm__(".text\n"
	".globl trap_return\n"
	"trap_return:\n\t"
	"iret\n");

static uint64_t segment(uint32_t base, uint32_t limit, unsigned access, unsigned flags)
{
	return (limit & 0xffff) | (uint64_t)(base & 0xffffff) << 16 |
	       (uint64_t)access << 40 | (uint64_t)((limit >> 16) & 0xf) << 48 |
	       (uint64_t)flags << 52 | (uint64_t)(base >> 24) << 56;
}

static uint64_t gate(uint32_t handler, unsigned dpl)
{
	return (handler & 0xffff) | (uint64_t)KERNEL_CS << 16 |
	       (uint64_t)(GATE_INTERRUPT | (dpl & 3) << 5) << 40 |
	       (uint64_t)(handler >> 16) << 48;
}

/* Reload every segment register from the new GDT (CS by a far jump). */
static void load_segments(void)
{
	__asm__ volatile("ljmp %0, $1f\n1:\n\t"
			 "mov %1, %%ss\n\t"
			 "mov %1, %%ds\n\t"
			 "mov %1, %%es\n\t"
			 "mov %1, %%fs\n\t"
			 "mov %1, %%gs"
			 : : "i"(KERNEL_CS), "r"(KERNEL_DS) : "memory");
}

void descriptors_init(void)
{
	struct desc_ptr g = { sizeof(gdt) - 1, (uint32_t)(uintptr_t)gdt };
	struct desc_ptr i = { sizeof(idt) - 1, (uint32_t)(uintptr_t)idt };

	gdt[1] = segment(0, 0xfffff, ACC_KERNEL_CODE, FLAGS_4K_32BIT);
	gdt[2] = segment(0, 0xfffff, ACC_KERNEL_DATA, FLAGS_4K_32BIT);
	gdt[3] = segment(0, 0xfffff, ACC_USER_CODE, FLAGS_4K_32BIT);
	gdt[4] = segment(0, 0xfffff, ACC_USER_DATA, FLAGS_4K_32BIT);
	gdt[5] = segment((uint32_t)(uintptr_t)&tss, sizeof(tss) - 1, ACC_TSS, 0);
	tss.ss0 = KERNEL_DS;
	tss.iomap_base = sizeof(tss);
	lgdt(&g);
	load_segments();
	ltr(TSS_SEL);
	lidt(&i);
}

long backend_trap_gate(unsigned vector, uint32_t handler, unsigned dpl)
{
	idt[vector & 255] = gate(handler, dpl);
	return 0;
}

long backend_kernel_stack(uint32_t esp)
{
	tss.esp0 = esp;
	return 0;
}

void backend_user_frame(struct cpu_regs *regs, uint32_t eip, uint32_t esp)
{
	regs->eip = eip;
	regs->cs = USER_CS;
	regs->eflags = EFLAGS_USER;
	regs->esp = esp;
	regs->ss = USER_DS;
}

void backend_user_data_segments(void)
{
	__asm__ volatile("mov %0, %%ds; mov %0, %%es" : : "r"(USER_DS) : "memory");
}
