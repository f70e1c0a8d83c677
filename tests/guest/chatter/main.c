/*
 * chatter: prints LINES numbered lines, each in three pieces, yielding
 * the CPU after every piece, so that with a second chatter beside it
 * (tests/boot/console-two) the two domains' writes interleave piece by
 * piece.
 *
 * Shows, there: that Warden keeps each domain's partial line until its
 * newline, and prints every line whole, with the domain's name in front
 * ("[name] line 3: ab cd ef"), however the writes of the domains mix.
 * Cannot show: anything alone (then nothing mixes); lines longer than
 * Warden's line buffer.
 */
#include "guest/lib/console.h"
#include "guest/lib/hypercall.h"
#include "guest/lib/test.h"

#define LINES	10

static void piece(const char *fmt, unsigned n)
{
	printk(fmt, n);
	hc_sched_op(SCHEDOP_yield, 0);
}

void test_main(void)
{
	for (unsigned i = 1; i <= LINES; i++) {
		piece("line %u: ab", i);
		piece(" cd", 0);
		piece(" ef\n", 0);
	}
}
