/*
 * programs.h - the programs the test kernel can run, and what each is
 * expected to do.
 *
 * A program is a function in the image's .user.text, run in ring 3 in a
 * process of its own (ulib.h says how such code is written).  It has no
 * writable static data: what it writes lives on its stack and in pages it
 * maps, so every process has its own.  spawn names a program by its
 * number; the kernel's command line names the first ones by name.
 */
#ifndef KERNEL_PROGRAMS_H
#define KERNEL_PROGRAMS_H

#include <stddef.h>
#include <stdint.h>

enum program_id {
	PROG_INIT,		/* starts one of everything */
	PROG_HELLO,		/* says hello with its pid */
	PROG_SPAWNER,		/* spawns three hellos */
	PROG_PING,		/* ping and pong take turns with yield */
	PROG_PONG,
	PROG_SLEEPER,		/* sleeps arg ticks */
	PROG_SLEEPERS,		/* a long and a short sleeper */
	PROG_FAULTER,		/* writes a read-only page: killed */
	PROG_WILD,		/* reads kernel memory: killed */
	PROG_BADCALLS,		/* bad system calls get errors */
	PROG_PTHEAVY,		/* the page-table workload */
	PROG_PTCHILD,		/* its children */
	PROG_CPU,		/* a CPU-bound loop */
	PROG_SYSCALLS,		/* a system-call loop */
	PROG_BENCH,		/* the benchmark (bench.h), and its helpers: */
	PROG_YIELDER,		/* yields arg times */
	PROG_MAPPER,		/* maps, writes and unmaps a few pages */
	PROG_EXPLOIT,		/* overwrites a system call through poke */
	NR_PROGRAMS
};

/* How a process of the program should end. */
enum outcome {
	EXITS_0,		/* exit(0) */
	CHECKSUM,		/* exit(checksum), printed as "checksum NAME 0x..." */
	KILLED,			/* killed by an exception */
};

typedef int32_t (*program_main)(uint32_t arg);

struct program {
	const char *name;
	program_main main;
	enum outcome outcome;
};

/* The program with that number or name (a word of len bytes); NULL if none. */
const struct program *program_get(uint32_t id);
int program_named(const char *word, size_t len);	/* its number, or -1 */

/* Where every process starts, in ring 3 (ulib.c): main(arg), then exit
 * with what it returned. */
_Noreturn void user_start(program_main main, uint32_t arg);

/* The mains, in .user.text. */
int32_t init_main(uint32_t arg);
int32_t hello_main(uint32_t arg);
int32_t spawner_main(uint32_t arg);
int32_t ping_main(uint32_t arg);
int32_t pong_main(uint32_t arg);
int32_t sleeper_main(uint32_t arg);
int32_t sleepers_main(uint32_t arg);
int32_t faulter_main(uint32_t arg);
int32_t wild_main(uint32_t arg);
int32_t badcalls_main(uint32_t arg);
int32_t ptheavy_main(uint32_t arg);
int32_t ptchild_main(uint32_t arg);
int32_t cpu_main(uint32_t arg);
int32_t syscalls_main(uint32_t arg);
int32_t bench_main(uint32_t arg);
int32_t yielder_main(uint32_t arg);
int32_t mapper_main(uint32_t arg);
int32_t exploit_main(uint32_t arg);

/* cpu's loop, which the benchmark times too: its result. */
uint32_t cpu_work(uint32_t seed, uint32_t rounds);

#endif
