/*
 * domains.h - which guests there are, what they are called, and whether
 * they are still there.
 *
 * Warden has no call that lists domains, so the monitor finds them
 * itself, before it lets them start (MONITOR_OP_ready): a domain id whose
 * registers MONITOR_OP_get_regs can read is a domain.  Each is still at
 * its entry then, with ESI pointing at its start_info (Xen's convention),
 * whose command line holds the name=NAME Warden named it by; a guest
 * without one is "domN".
 */
#ifndef MONITOR_DOMAINS_H
#define MONITOR_DOMAINS_H

#include <stdint.h>

#include "guest/monitor/words.h"

#define DOMAINS_MAX	16		/* ids 1 to 15 are looked for */

void domains_discover(void);

/* The guests found, on one console line. */
void domains_print(void);

/* MONITOR_OP_ready: the guests start.  0, or < 0 (said on the console). */
long domains_release(void);

/* Whether id is one of the guests found. */
bool domain_is_guest(uint16_t id);

/* Domain id's name ("domN" if it has none we know). */
const char *domain_name(uint16_t id);

/* The id w names (a number, or a guest's name); -1, said on the
 * console, if none. */
long domain_lookup(struct word w);

#endif
