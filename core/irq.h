/*
 * irq.h - hardware interrupts, whoever was running when they came.
 */
#ifndef CORE_IRQ_H
#define CORE_IRQ_H

#include <stdbool.h>
#include <stdint.h>

/* Whether vector is a PIC interrupt; if so, handle it. */
bool irq_handle(uint32_t vector);

#endif
