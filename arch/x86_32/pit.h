/*
 * pit.h - the 8254 programmable interval timer.
 */
#ifndef ARCH_X86_32_PIT_H
#define ARCH_X86_32_PIT_H

#include <stdint.h>

#define PIT_HZ 1193182u		/* the PIT's input clock */

/* Channel 0: an interrupt on IRQ 0, hz times a second. */
void pit_start_periodic(unsigned hz);

/* Channel 2: busy-wait for `ticks` PIT clocks (at most 65535) and return
 * how far the TSC moved meanwhile. */
uint64_t pit_measure_tsc(uint16_t ticks);

#endif
