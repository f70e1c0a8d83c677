/*
 * experiment.h - the kernel as the subject of a fault-injection
 * experiment (the monitor's inject=, guest/monitor/spec.h).
 *
 * With the word "experiment" on its command line the kernel has Warden
 * watch four buffers of its own, one page of them -- watch 1, the
 * checksum buffer; 2, the sort's array; 3, the key-value table; 4, a
 * stamp word it writes after each workload and never reads -- and runs
 * its three workloads (work.h) on them, each first on plain memory for
 * the golden result.  Every write to a buffer is a watch event, which the
 * monitor's experiment may fault.  Then it says, in this order:
 *
 *	experiment: checksum: 0x... (golden 0x...): OK|DETECTED|WRONG
 *	... (sort, kv)
 *	experiment: outcome: OK|DETECTED|WRONG
 *	experiment: instructions N
 *
 * OK: every result is right and no check fired; DETECTED: a workload's
 * own check caught the fault; WRONG: no check fired but a result differs
 * from its golden value -- silent data corruption, the outcome the run
 * must not hide.  So OK and DETECTED end the domain with poweroff (a
 * pass), and WRONG with SHUTDOWN_crash (a failure: Warden's status 41).
 * (A DETECTED in one workload and a WRONG in another is WRONG.)  N is
 * the TSC at the end, which under QEMU's -icount counts the instructions
 * run so far, Warden's and the monitor's included: the same spec and
 * seed give the same N.  On Warden only: natively the watch hypercall
 * would trap.
 */
#ifndef KERNEL_EXPERIMENT_H
#define KERNEL_EXPERIMENT_H

#include <stdbool.h>

/* With "experiment" in cmdline: run it, report, and return true (the
 * kernel then runs no process); else false. */
bool experiment_run(const char *cmdline);

#endif
