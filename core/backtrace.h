/*
 * backtrace.h - following the chain of saved frame pointers.
 */
#ifndef CORE_BACKTRACE_H
#define CORE_BACKTRACE_H

#include <stdint.h>

/* The 32-bit words of a stack at addresses [lo, hi); words[0] is at lo. */
struct stack_view {
	const uint32_t *words;
	uint32_t lo, hi;
};

/*
 * Follow the frame-pointer chain from ebp and write up to max return
 * addresses to out; returns how many.  Never reads outside the view.
 */
unsigned backtrace_walk(const struct stack_view *stack, uint32_t ebp,
			uint32_t *out, unsigned max);

#endif
