/*
 * proc.h - processes and the scheduler.
 *
 * A process is a program running in ring 3 in an address space of its
 * own, with a kernel stack of its own for its traps and system calls.  The
 * scheduler is round robin and never preempts: a process runs until it
 * yields, sleeps, exits or is killed (a timer to preempt it would change
 * nothing the tests look at, and would make the order of events depend on
 * time, which the native and the Warden runs must not).
 */
#ifndef KERNEL_PROC_H
#define KERNEL_PROC_H

#include <stdbool.h>
#include <stdint.h>

#include "guest/kernel/memlayout.h"
#include "guest/kernel/programs.h"
#include "guest/kernel/vm.h"

enum proc_state { UNUSED, RUNNABLE, RUNNING, SLEEPING, ZOMBIE };

struct context;			/* swtch.S: what a switch saves */

struct proc {
	enum proc_state state;
	uint32_t pid;
	const struct program *prog;
	struct vm vm;
	uint64_t wake;		/* SLEEPING: the tick to wake at */
	struct context *context;
	uint8_t kstack[KSTACK_SIZE] __attribute__((aligned(16)));
};

struct proc_counts {
	unsigned spawned, exited, killed;
};

/* A new process running program id with arg: its pid, or -EINVAL (no
 * such program), -EAGAIN (no free slot), -ENOMEM. */
int32_t proc_spawn(uint32_t id, uint32_t arg);

/* The process whose trap or system call the kernel is handling. */
struct proc *proc_current(void);

void proc_yield(void);
void proc_sleep(uint32_t ticks);
_Noreturn void proc_exit(int32_t status);
_Noreturn void proc_kill(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Run processes until none is left. */
void proc_run_all(void);

struct proc_counts proc_counts(void);

/* Whether each spawn and each exit gets a console line (they do unless
 * turned off): the benchmark turns them off, so as not to time them.
 * A process killed, and a checksum, always get theirs. */
void proc_announce(bool on);

#endif
