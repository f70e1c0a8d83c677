/*
 * bench.h - the test kernel's benchmark.
 *
 * The word "bench" on the command line runs the benchmark: its kernel
 * half first (bench.c: a software interrupt, the kernel's own page
 * fault), then the program bench (prog_bench.c: a system call, a process
 * switch, a first touch, a CPU-bound loop, a spawn/map/unmap workload).
 * Each figure is one line, "bench NAME N", for tools/bench.sh to collect,
 * taken as guest/bench/measure.h says.  The same code runs on Warden and
 * natively, so every figure has its native baseline from the same kernel.
 */
#ifndef KERNEL_BENCH_H
#define KERNEL_BENCH_H

/* The kernel's half, run before the program bench starts; it also turns
 * off the spawn and exit lines, which the program would time. */
void bench_kernel(void);

#endif
