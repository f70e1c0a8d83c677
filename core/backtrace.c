/*
 * backtrace.c - who called whom, from the frame pointers.
 *
 * Warden is built with frame pointers, so every C function starts with
 * "push %ebp; mov %esp, %ebp": at [ebp] lies the caller's EBP and at
 * [ebp + 4] the address the function will return to.  Following the EBPs
 * walks up the call chain; boot.S sets EBP to 0 before the first call, so
 * the chain ends there.  A panic may come from a corrupt stack, so every
 * step is checked: each EBP must lie inside the stack, be aligned, and be
 * above the one before (stacks grow down, callers sit higher).
 */
#include "core/backtrace.h"

static int frame_in_view(const struct stack_view *s, uint32_t ebp)
{
	return (ebp & 3) == 0 && ebp >= s->lo && ebp < s->hi &&
	       s->hi - ebp >= 8;
}

static uint32_t stack_word(const struct stack_view *s, uint32_t addr)
{
	return s->words[(addr - s->lo) / 4];
}

unsigned backtrace_walk(const struct stack_view *s, uint32_t ebp,
			uint32_t *out, unsigned max)
{
	unsigned n = 0;

	while (n < max && ebp != 0 && frame_in_view(s, ebp)) {
		uint32_t caller_ebp = stack_word(s, ebp);

		out[n++] = stack_word(s, ebp + 4);
		if (caller_ebp != 0 && caller_ebp <= ebp)
			break;
		ebp = caller_ebp;
	}
	return n;
}
