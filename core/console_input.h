/*
 * console_input.h - keyboard input from COM1, for the domain with focus.
 */
#ifndef CORE_CONSOLE_INPUT_H
#define CORE_CONSOLE_INPUT_H

#include <stdint.h>
#include "core/domain.h"

/* Start taking input (IRQ 4). */
void console_input_init(void);

/* IRQ 4: read what arrived. */
void console_input_irq(void);

/* Up to len bytes of d's pending input into buf; how many. */
uint32_t console_input_take(struct domain *d, char *buf, uint32_t len);

#endif
