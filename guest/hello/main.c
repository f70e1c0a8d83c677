/* hello: the smallest guest: print, then power off. */
#include <stdint.h>

#include "include/public/console.h"
#include "include/public/hypercall.h"
#include "include/public/sched.h"
#include "include/public/start_info.h"

void guest_start(struct start_info *si);

static uint32_t len(const char *s)
{
	uint32_t n = 0;

	while (s[n])
		n++;
	return n;
}

static void print(const char *s)
{
	_hypercall3(__HYPERVISOR_console_io, CONSOLEIO_write, len(s), (uint32_t)s);
}

void guest_start(struct start_info *si)
{
	struct sched_shutdown s = { SHUTDOWN_poweroff };

	print("hello from ring 1\n");
	print(si->magic);
	print("\n");
	_hypercall2(__HYPERVISOR_sched_op, SCHEDOP_shutdown, (uint32_t)&s);
	for (;;)
		;
}
