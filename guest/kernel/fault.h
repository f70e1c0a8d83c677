/*
 * fault.h - what the kernel does with exceptions (fault.c).
 */
#ifndef KERNEL_FAULT_H
#define KERNEL_FAULT_H

/* Handle every exception vector from here on. */
void fault_init(void);

#endif
