/*
 * cpu_tables.c - the descriptor tables the CPU reads on every trap.
 *
 * All of them live in the switcher section (warden.ld), which every guest
 * address space will map read-only: the CPU must be able to read the IDT,
 * GDT and TSS whichever address space it is in when a trap comes.
 *
 * GDT: the 16-page window of segments.h, Warden's entries from 7168 up.
 *      Ring-1 and ring-3 segments are flat but end below Xen's area.
 * TSS: the ring-0 stack for traps from guests, and an I/O bitmap that
 *      refuses every port (but the monitor's COM2, while it runs).
 * IDT: one gate per vector, pointing at the generated stubs of
 *      trap_entry.S.  All are interrupt gates (Warden runs with IF clear)
 *      at DPL 0, so a software `int n` from a guest faults with #GP,
 *      except int3 and into (DPL 3, as on Xen), the hypercall gate, which
 *      ring 1 may reach but ring 3 may not, and the double-fault gate, a
 *      task gate.
 */
#include "arch/x86_32/cpu_tables.h"
#include "arch/x86_32/descriptor.h"
#include "arch/x86_32/memlayout.h"
#include "arch/x86_32/segments.h"
#include "arch/x86_32/trap_frame.h"
#include "arch/x86_32/tss.h"
#include "arch/x86_32/x86.h"
#include <stddef.h>

#include "lib/string.h"

#define SWITCHER_DATA __attribute__((section(".switcher.data")))

static uint64_t gdt[GDT_ENTRIES]
	__attribute__((section(".switcher.gdt"), aligned(4096)));
static uint64_t idt[256] SWITCHER_DATA __attribute__((aligned(8)));
/*
 * The TSS, then its I/O-permission bitmap, which covers ports 0 to
 * IO_PORTS_MAPPED - 1 (a set bit refuses the port) and ends with the byte
 * of ones the CPU wants.  Any port past the bitmap lies past the TSS's
 * limit and is refused too.  All bits are set: nothing below ring 0 may do
 * port I/O -- except the monitor, which gets COM2 while it runs.
 */
struct tss_area {
	struct tss tss;
	uint8_t iomap[IO_PORTS_MAPPED / 8];
	uint8_t iomap_end;
};

static struct tss_area tss_area SWITCHER_DATA __attribute__((aligned(128)));
static struct tss double_fault_tss SWITCHER_DATA __attribute__((aligned(128)));

static uint8_t double_fault_stack[4096] __attribute__((aligned(16)));

extern const uint32_t trap_vectors[256];	/* trap_entry.S */
extern uint32_t switcher_warden_cr3;		/* trap_entry.S */
extern char _trap_page[];			/* warden.ld */
void double_fault_task(void);			/* trap_entry.S */

struct __attribute__((packed)) table_register {
	uint16_t limit;
	uint32_t base;
};

static void gdt_set(uint16_t selector, uint64_t desc)
{
	gdt[SELECTOR_INDEX(selector)] = desc;
}

static void gdt_build(void)
{
	uint32_t guest_pages = (GUEST_SEGMENT_LIMIT + 1) / PAGE_SIZE;
	unsigned code = DESC_P | DESC_CODE_DATA | DESC_CODE_READ | DESC_ACCESSED;
	unsigned data = DESC_P | DESC_CODE_DATA | DESC_DATA_WRITE | DESC_ACCESSED;

	gdt_set(WARDEN_CS, desc_segment(0, 1u << 20, code | DESC_DPL(0)));
	gdt_set(WARDEN_DS, desc_segment(0, 1u << 20, data | DESC_DPL(0)));
	gdt_set(FLAT_RING1_CS, desc_segment(0, guest_pages, code | DESC_DPL(1)));
	gdt_set(FLAT_RING1_DS, desc_segment(0, guest_pages, data | DESC_DPL(1)));
	gdt_set(FLAT_RING3_CS, desc_segment(0, guest_pages, code | DESC_DPL(3)));
	gdt_set(FLAT_RING3_DS, desc_segment(0, guest_pages, data | DESC_DPL(3)));
	/* The limit is the last byte the CPU may read: the bitmap's end byte
	 * (the struct's padding after it must not count). */
	gdt_set(WARDEN_TSS, desc_system((uint32_t)&tss_area,
					offsetof(struct tss_area, iomap_end),
					DESC_P | DESC_TSS_AVAIL));
	gdt_set(WARDEN_DF_TSS, desc_system((uint32_t)&double_fault_tss,
					   sizeof(struct tss) - 1,
					   DESC_P | DESC_TSS_AVAIL));
}

/*
 * A trap from ring 1 or 3 lands on the top of the trap-stack page, the one
 * page of Warden's that both Warden's and the guest's address spaces map.
 * The I/O bitmap follows the TSS; every bit set refuses every port.
 */
static void tss_build(void)
{
	tss_area.tss.ss0 = WARDEN_DS;
	tss_area.tss.esp0 = (uint32_t)_trap_page + PAGE_SIZE;
	tss_area.tss.iomap_base = sizeof(struct tss);
	memset(tss_area.iomap, 0xff, sizeof(tss_area.iomap));
	tss_area.iomap_end = 0xff;

	double_fault_tss.eip = (uint32_t)double_fault_task;
	double_fault_tss.esp = (uint32_t)(double_fault_stack +
					  sizeof(double_fault_stack));
	double_fault_tss.cs = WARDEN_CS;
	double_fault_tss.ss = double_fault_tss.ds = WARDEN_DS;
	double_fault_tss.es = WARDEN_DS;
	double_fault_tss.eflags = 0x2;		/* bit 1 is always set */
	double_fault_tss.iomap_base = sizeof(struct tss);
}

/* Warden's own gate for a vector: its stub, reachable from ring 0 only,
 * but for the few a lower ring may raise with int. */
static uint64_t warden_gate(unsigned vector)
{
	unsigned dpl = 0;

	if (vector == TRAP_DF)
		return desc_gate(0, WARDEN_DF_TSS, GATE_TASK, 0);
	if (vector == TRAP_BP || vector == TRAP_OF)
		dpl = 3;		/* int3 and into: every ring, as on Xen */
	else if (vector == TRAP_HYPERCALL)
		dpl = 1;
	return desc_gate(trap_vectors[vector], WARDEN_CS, GATE_INTERRUPT, dpl);
}

static void idt_build(void)
{
	for (unsigned v = 0; v < 256; v++)
		idt[v] = warden_gate(v);
}

/* Load GDTR and reload every segment register from the new table. */
static void gdt_load(void)
{
	struct table_register gdtr = { sizeof(gdt) - 1, (uint32_t)gdt };

	__asm__ volatile("lgdt %0\n\t"
			 "ljmp %1, $1f\n"
			 "1:\n\t"
			 "movl %2, %%eax\n\t"
			 "movl %%eax, %%ds\n\t"
			 "movl %%eax, %%es\n\t"
			 "movl %%eax, %%ss\n\t"
			 "xorl %%eax, %%eax\n\t"
			 "movl %%eax, %%fs\n\t"
			 "movl %%eax, %%gs\n\t"
			 : : "m"(gdtr), "i"(WARDEN_CS), "i"(WARDEN_DS) : "eax", "memory");
}

static void idt_load(void)
{
	struct table_register idtr = { sizeof(idt) - 1, (uint32_t)idt };

	__asm__ volatile("lidt %0" : : "m"(idtr));
}

static void tss_load(void)
{
	__asm__ volatile("ltr %w0" : : "r"(WARDEN_TSS));
}

void cpu_tables_init(void)
{
	gdt_build();
	tss_build();
	idt_build();
	gdt_load();
	tss_load();
	idt_load();
	cpu_tables_set_cr3(rcr3());
	/* SYSENTER_CS = 0 makes a guest's sysenter fault (#GP) into Warden. */
	wrmsr(MSR_SYSENTER_CS, 0);
}

void cpu_tables_set_guest_gate(unsigned vector, uint16_t cs, uint32_t eip)
{
	idt[vector] = desc_gate(eip, cs, GATE_TRAP, 3);
}

void cpu_tables_reset_gate(unsigned vector)
{
	idt[vector] = warden_gate(vector);
}

/* A set bit in the I/O bitmap refuses its port; a byte at a time, since
 * this runs on every switch to and from the monitor. */
void cpu_tables_allow_ports(uint16_t first, uint16_t count, bool allow)
{
	uint32_t port = first, end = (uint32_t)first + count;

	if (end > IO_PORTS_MAPPED)
		end = IO_PORTS_MAPPED;
	while (port < end) {
		uint32_t in_byte = 8 - port % 8 < end - port ? 8 - port % 8 : end - port;
		uint8_t mask = (uint8_t)(((1u << in_byte) - 1) << (port % 8));
		uint8_t *bits = &tss_area.iomap[port / 8];

		*bits = allow ? *bits & (uint8_t)~mask : *bits | mask;
		port += in_byte;
	}
}

struct tss *cpu_tables_tss(void)
{
	return &tss_area.tss;
}

void cpu_tables_set_ring1_stack(uint16_t ss, uint32_t esp)
{
	tss_area.tss.ss1 = ss;
	tss_area.tss.esp1 = esp;
}

void cpu_tables_set_cr3(uint32_t cr3)
{
	double_fault_tss.cr3 = cr3;
	switcher_warden_cr3 = cr3;
}
