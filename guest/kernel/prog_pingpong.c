/*
 * prog_pingpong.c - ping and pong take turns: each prints a line and
 * yields, three times.  Started one after the other, they print
 * "ping 1", "pong 1", "ping 2", ... : the round-robin order, and a switch
 * of address space at every yield.
 */
#include "guest/kernel/ulib.h"

static __user_data char ping_text[] = "ping ";
static __user_data char pong_text[] = "pong ";

static __user_fn int32_t take_turns(const char *word)
{
	for (int32_t i = 1; i <= 3; i++) {
		uputn(word, i);
		sys_yield();
	}
	return 0;
}

__user_fn int32_t ping_main(uint32_t arg)
{
	(void)arg;
	return take_turns(ping_text);
}

__user_fn int32_t pong_main(uint32_t arg)
{
	(void)arg;
	return take_turns(pong_text);
}
