/*
 * init.h - the steps of a native kernel's bring-up, which start.c takes
 * in this order; each file that implements one also implements its part
 * of backend.h.
 */
#ifndef GUEST_LIB_NATIVE_INIT_H
#define GUEST_LIB_NATIVE_INIT_H

void serial_init(void);		/* serial.c: the console, first */
void paging_init(void);		/* paging.c: NX, the kernel's page tables */
void descriptors_init(void);	/* descriptors.c: GDT, TSS, an empty IDT */
void timer_init(void);		/* timer.c: PIC and PIT, after trap_init() */

#endif
