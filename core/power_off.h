/*
 * power_off.h - the one orderly way Warden ends.
 */
#ifndef CORE_POWER_OFF_H
#define CORE_POWER_OFF_H

/* Say why, then exit QEMU with status (arch/x86_32/exit_status.h). */
_Noreturn void power_off(unsigned status, const char *why);

#endif
