/*
 * sched.h - giving up the CPU: __HYPERVISOR_sched_op(cmd, arg).
 *
 * A guest kernel cannot `hlt` (a privileged instruction: #GP in ring 1),
 * so it yields, blocks until an event, or shuts its domain down with these
 * commands.  SCHEDOP_block unmasks events and checks for pending ones
 * before it sleeps, in one step, so an event that arrives just before the
 * call still wakes the guest.
 */
#ifndef PUBLIC_SCHED_H
#define PUBLIC_SCHED_H

#define SCHEDOP_yield			0	/* arg: 0 */
#define SCHEDOP_block			1	/* arg: 0 */
#define SCHEDOP_shutdown		2	/* arg: struct sched_shutdown * */
#define SCHEDOP_poll			3	/* arg: struct sched_poll * */
#define SCHEDOP_remote_shutdown		4
#define SCHEDOP_shutdown_code		5	/* arg: struct sched_shutdown * */
#define SCHEDOP_watchdog		6
#define SCHEDOP_pin_override		7

/* sched_shutdown.reason */
#define SHUTDOWN_poweroff		0	/* exited normally */
#define SHUTDOWN_reboot			1
#define SHUTDOWN_suspend		2
#define SHUTDOWN_crash			3	/* the guest says it crashed */
#define SHUTDOWN_watchdog		4
#define SHUTDOWN_soft_reset		5
#define SHUTDOWN_MAX			5

#ifndef __ASSEMBLER__
#include <stdint.h>

struct sched_shutdown {
	uint32_t reason;		/* SHUTDOWN_* */
};

/* Block until one of the ports is pending, or until timeout (0: never). */
struct sched_poll {
	uint32_t ports;			/* guest-virtual address of evtchn_port_t[] */
	uint32_t nr_ports;
	uint64_t timeout;		/* ns of system time */
};

_Static_assert(sizeof(struct sched_shutdown) == 4, "Xen's sched_shutdown");
_Static_assert(sizeof(struct sched_poll) == 16, "Xen's 32-bit sched_poll");

#endif /* __ASSEMBLER__ */
#endif
