/*
 * cpu_tables.h - Warden's GDT, IDT and TSS.
 */
#ifndef ARCH_X86_32_CPU_TABLES_H
#define ARCH_X86_32_CPU_TABLES_H

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

/* The stack the CPU switches to when ring 3 enters ring 1 directly. */
void cpu_tables_set_ring1_stack(uint16_t ss, uint32_t esp);

#endif
