/*
 * fault.h - the monitor's experiment: the faults of an inject= spec
 * (spec.h), applied to the watched writes the monitor judges.
 *
 * judge.c asks fault_decide() about every request before its policy: a
 * request the experiment's trigger fires on gets the model's verdict
 * instead of the policy's (a corrupt= fault first writes random bytes
 * into the writer's memory with MONITOR_OP_write_memory, then lets the
 * write through).  Each fault gets a console line, "monitor: fault N at
 * event S (hit H of the target, watch W, T ns): MODEL: ...", and its
 * event's JSON line on COM2 gets "fault":"MODEL".  Without a spec nothing changes.
 */
#ifndef MONITOR_FAULT_H
#define MONITOR_FAULT_H

#include <stdbool.h>
#include <stddef.h>

#include "guest/monitor/policy.h"
#include "guest/monitor/words.h"
#include "include/public/warden.h"

/* Take the spec after "inject="; NULL, or why not (spec_parse's). */
const char *fault_setup(struct word spec);

/* Print the experiment on the console (nothing without one). */
void fault_print(void);

/* If the experiment faults req: true, and *v the verdict, *model the
 * model's text (for the JSON line). */
bool fault_decide(const struct watch_request *req, struct verdict *v, const char **model);

#endif
