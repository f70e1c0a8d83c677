/*
 * poke.h - the demo's deliberately vulnerable system call.
 */
#ifndef KERNEL_POKE_H
#define KERNEL_POKE_H

#include <stdint.h>

/* SYS_poke(addr, value): the word at addr becomes value.  No check. */
int32_t poke_handler(const uint32_t *arg);

#endif
