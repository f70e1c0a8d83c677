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

#endif
