/*
 * cpu_features.h - what Warden needs from the CPU beyond the 386.
 */
#ifndef ARCH_X86_32_CPU_FEATURES_H
#define ARCH_X86_32_CPU_FEATURES_H

/* NULL if the CPU has what Warden needs (PAE, NX); else what is missing. */
const char *cpu_missing_feature(void);

/* Make PTE_NX take effect (EFER.NXE). */
void cpu_enable_nx(void);

#endif
