/*
 * prog_bench.c - bench: the benchmark's ring-3 half (bench.h), what a
 * program pays for the kernel's services and for its memory.
 *
 *   syscall         getpid: `int $0x80` into the kernel and back
 *   process_switch  a yield that switches to another process (a yielder
 *                   yielding back): system call, scheduler, new address
 *                   space, new kernel stack; half a round trip
 *   shadow_miss     the first read of a freshly mapped page, less a
 *                   second read of it: natively the CPU's own page walk,
 *                   which -icount does not count, so 0; on Warden a
 *                   fault that fills the shadow entry and sets A
 *   cpu_loop        cpu's whole loop (prog_cpu.c), ticks included
 *   spawn_map       one round of a workload: spawn a mapper, yield to
 *                   it while it maps, writes, reads and unmaps a few
 *                   pages and exits, and its address space is freed
 *
 * The kernel's spawn and exit lines are off (bench.c), so no round pays
 * for a console line; a figure is the only line each prints.
 */
#include "guest/bench/measure.h"
#include "guest/kernel/ulib.h"

#define TOUCH_BASE	0x10000000u
#define TOUCH_PAGES	128
#define CPU_ROUNDS	4000000u	/* as the program cpu */
#define WORK_ROUNDS	32
#define MAPPER_BASE	0x10000000u
#define MAPPER_PAGES	8

static __user_data char t_syscall[] = "bench syscall ";
static __user_data char t_switch[] = "bench process_switch ";
static __user_data char t_miss[] = "bench shadow_miss ";
static __user_data char t_cpu[] = "bench cpu_loop ";
static __user_data char t_work[] = "bench spawn_map ";
static __user_data char t_spawn[] = "spawn";
static __user_data char t_map[] = "map";
static __user_data char t_unmap[] = "unmap";
static __user_data char t_word[] = "word";

static __user_fn void nothing(void)
{
	__asm__ volatile("" : : : "memory");
}

static __user_fn void getpid_call(void)
{
	sys_getpid();
}

static __user_fn void yield_call(void)
{
	sys_yield();
}

/* The yielder pairs each of our measured yields with one of its own
 * (round robin, two processes): one yield to start it, BENCH_ROUNDS
 * timed, one more for it to exit. */
static __user_fn uint32_t process_switch(void)
{
	uint32_t each;

	uexpect(t_spawn, sys_spawn(PROG_YIELDER, BENCH_ROUNDS + 1) > 0, 1);
	sys_yield();
	each = bench_per_call(yield_call, nothing) / 2;
	sys_yield();
	return each;
}

static __user_fn uint32_t read_pages(uint32_t va, uint32_t pages)
{
	uint32_t start = bench_tsc();

	for (uint32_t i = 0; i < pages; i++)
		bench_keep(*(volatile uint32_t *)(va + i * UPAGE));
	return bench_tsc() - start;
}

static __user_fn uint32_t shadow_miss(void)
{
	uint32_t first, again;

	uexpect(t_map, sys_map(TOUCH_BASE, TOUCH_PAGES, 0), 0);
	first = read_pages(TOUCH_BASE, TOUCH_PAGES);
	again = read_pages(TOUCH_BASE, TOUCH_PAGES);
	uexpect(t_unmap, sys_unmap(TOUCH_BASE, TOUCH_PAGES), 0);
	return first > again ? (first - again) / TOUCH_PAGES : 0;
}

static __user_fn uint32_t cpu_loop(void)
{
	uint32_t start = bench_tsc();

	bench_keep(cpu_work(0, CPU_ROUNDS));
	return bench_tsc() - start;
}

/* Each yield runs the new mapper to its end: it never yields. */
static __user_fn uint32_t spawn_map(void)
{
	uint32_t start = bench_tsc();

	for (uint32_t i = 0; i < WORK_ROUNDS; i++) {
		uexpect(t_spawn, sys_spawn(PROG_MAPPER, i) > 0, 1);
		sys_yield();
	}
	return (bench_tsc() - start) / WORK_ROUNDS;
}

__user_fn int32_t bench_main(uint32_t arg)
{
	(void)arg;
	uputn(t_syscall, (int32_t)bench_per_call(getpid_call, nothing));
	uputn(t_switch, (int32_t)process_switch());
	uputn(t_miss, (int32_t)shadow_miss());
	uputn(t_cpu, (int32_t)cpu_loop());
	uputn(t_work, (int32_t)spawn_map());
	return 0;
}

__user_fn int32_t yielder_main(uint32_t arg)
{
	for (uint32_t i = 0; i < arg; i++)
		sys_yield();
	return 0;
}

__user_fn int32_t mapper_main(uint32_t arg)
{
	volatile uint32_t *page;

	uexpect(t_map, sys_map(MAPPER_BASE, MAPPER_PAGES, MAP_WRITE), 0);
	for (uint32_t i = 0; i < MAPPER_PAGES; i++) {
		page = (volatile uint32_t *)(MAPPER_BASE + i * UPAGE);
		page[i] = arg + i;
		uexpect(t_word, (int32_t)page[i], (int32_t)(arg + i));
	}
	uexpect(t_unmap, sys_unmap(MAPPER_BASE, MAPPER_PAGES), 0);
	return 0;
}
