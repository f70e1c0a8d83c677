/*
 * cpu_tables.h - Warden's GDT, IDT and TSS.
 */
#ifndef ARCH_X86_32_CPU_TABLES_H
#define ARCH_X86_32_CPU_TABLES_H

#include <stdbool.h>
#include <stdint.h>

/* Build and load GDT, TSS and IDT; from here a fault is reported. */
void cpu_tables_init(void);

/* Warden's address space: for the double-fault task, and for the trap
 * stubs to switch to when a trap comes from a guest. */
void cpu_tables_set_cr3(uint32_t cr3);

/* Point gate `vector` straight at a ring-1 guest handler that ring 3 may
 * reach with `int` (a trap gate, DPL 3), or back at Warden's stub. */
void cpu_tables_set_guest_gate(unsigned vector, uint16_t cs, uint32_t eip);
void cpu_tables_reset_gate(unsigned vector);

/* Ports below this have a bit in the TSS's I/O bitmap; above, none. */
#define IO_PORTS_MAPPED	0x300

/* Let code below ring 0 use ports [first, first + count), or not. */
void cpu_tables_allow_ports(uint16_t first, uint16_t count, bool allow);

/* The running task's TSS: after a double fault it holds the state the CPU
 * saved at the moment of the fault. */
struct tss *cpu_tables_tss(void);

/* The stack the CPU switches to when ring 3 enters ring 1 directly. */
void cpu_tables_set_ring1_stack(uint16_t ss, uint32_t esp);

#endif
