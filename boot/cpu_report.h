/*
 * cpu_report.h - what the CPU really has loaded, read back and printed.
 */
#ifndef BOOT_CPU_REPORT_H
#define BOOT_CPU_REPORT_H

/* One line from the CPU's own registers (SGDT, SIDT, STR, RDMSR), not from
 * Warden's variables: the GDT window, who may reach the hypercall gate,
 * where the I/O map starts, SYSENTER_CS, CR0.WP and EFER.NXE. */
void cpu_report(void);

#endif
