/*
 * judge.h - answering watch events: the policy decides, the console and
 * COM2 hear about it, Warden gets the verdict.
 */
#ifndef MONITOR_JUDGE_H
#define MONITOR_JUDGE_H

#include <stdbool.h>
#include <stdint.h>

#include "guest/monitor/policy.h"

/* Judge by policy p (kept, not copied); quiet: no console line an event
 * (the COM2 stream still gets every one). */
void judge_init(const struct policy *p, bool quiet);

/* Answer every request waiting on the ring. */
void judge_pending(void);

/* The counts on one console line; the policy, a line a rule. */
void judge_print_counts(void);
void judge_print_policy(void);

#endif
