/*
 * main.c - the test kernel: a small real kernel, the same on Warden and on
 * a bare CPU.
 *
 * It runs programs (programs.h) as ring-3 processes, each in an address
 * space of its own (vm.c), switched round robin (proc.c), and serves their
 * system calls through a table in a page of its own (syscall.c): write,
 * getpid, spawn, exit, yield, sleep, and memory calls -- map, unmap, share
 * a frame at two addresses (writable, or copy-on-write), and read the
 * accessed and dirty bits of a page (mem.c).  Everything below the CPU it
 * reaches through the backend (backend.h): hypercalls on Warden, the
 * instructions themselves natively (guest/lib/native/, linked by
 * native.mk).  So the same program gives the same results on both, down
 * to the accessed and dirty bits, and the native run is the oracle for the
 * Warden one (tests/tools/differential.sh).
 *
 * The command line names the programs to start, by name ("ptheavy cpu");
 * words that name none are ignored, and with none, init starts one of
 * everything.  "protect" has Warden watch the system-call table, for the
 * demo (protect.h, poke.c, prog_exploit.c); "experiment" runs the
 * fault-injection workloads instead of processes (experiment.h).  "bench" is the benchmark
 * (bench.h), which also measures a few things in the kernel before its
 * program starts.  The run passes when every process ended as its
 * program should (programs.c) and no program reported a failure, and
 * every frame came back to the pool.
 *
 * Shows: processes, their address spaces, switches, system calls and
 * exits, copy-on-write, and what a program sees of A and D bits, on
 * Warden as natively.  Cannot show: preemption (the scheduler never
 * preempts, so that runs are repeatable), or anything about time beyond
 * the order in which sleepers wake.
 */
#include "guest/kernel/bench.h"
#include "guest/kernel/experiment.h"
#include "guest/kernel/fault.h"
#include "guest/kernel/frame.h"
#include "guest/kernel/proc.h"
#include "guest/kernel/protect.h"
#include "guest/kernel/syscall.h"
#include "guest/lib/backend.h"
#include "guest/lib/console.h"
#include "guest/lib/test.h"

static size_t word_length(const char *s)
{
	size_t n = 0;

	while (s[n] && s[n] != ' ')
		n++;
	return n;
}

/* Spawn each program the command line names; how many there were. */
static unsigned start_named(const char *line)
{
	unsigned started = 0;
	size_t len;
	int id;

	for (; *line; line += len) {
		while (*line == ' ')
			line++;
		len = word_length(line);
		id = program_named(line, len);
		if (id < 0)
			continue;
		if (id == PROG_BENCH)
			bench_kernel();		/* its kernel half first */
		if (proc_spawn((uint32_t)id, 0) < 0)
			test_fail("cannot start %.*s", (int)len, line);
		started++;
	}
	return started;
}

static void report(void)
{
	struct proc_counts c = proc_counts();
	unsigned lost = POOL_FRAMES - frame_free_count();

	printk("kernel: processes %u spawned, %u exited, %u killed; frames %u of %u free\n",
	       c.spawned, c.exited, c.killed, frame_free_count(), POOL_FRAMES);
	if (lost)
		test_fail("%u frames were not given back", lost);
	if (c.spawned == 0)
		test_fail("no process ran");
}

void test_main(void)
{
	backend_user_data_segments();
	frame_init();
	fault_init();
	syscall_init();
	printk("kernel: system-call table at 0x%x (frame 0x%x)\n",
	       (uint32_t)(uintptr_t)syscall_table, virt_to_pfn(syscall_table));
	protect_init(backend_cmdline());
	if (experiment_run(backend_cmdline()))
		return;		/* it ran instead of processes, and judged itself */
	if (start_named(backend_cmdline()) == 0)
		proc_spawn(PROG_INIT, 0);
	proc_run_all();
	report();
}
