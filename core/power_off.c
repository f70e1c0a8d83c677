/*
 * power_off.c - the last line Warden prints names the exit status, so a
 * log always says how a run ended, and a boot test can check both.
 */
#include "core/power_off.h"
#include "core/console.h"
#include "arch/x86_32/debug_exit.h"

_Noreturn void power_off(unsigned status, const char *why)
{
	printk("warden: power off: %s (exit status 0x%x)\n", why, status);
	debug_exit(status);
}
