/*
 * domain_table.h - the domains Warden has, and their life cycle.
 */
#ifndef CORE_DOMAIN_TABLE_H
#define CORE_DOMAIN_TABLE_H

#include <stdbool.h>
#include "core/domain.h"

extern struct domain domains[MAX_DOMAINS];

/* How many domains have ended (shut down or crashed) so far. */
extern unsigned domains_ended;

/* An unused slot, zeroed, with its id (1 + its index); NULL if none. */
struct domain *domain_alloc(void);

/* The domain asked to stop, for a SHUTDOWN_* reason. */
void domain_shutdown(struct domain *d, unsigned reason);

/* Shut down with poweroff: the only ending that counts as success. */
bool domain_succeeded(const struct domain *d);

/* Give back everything an ended domain had. */
void domain_destroy(struct domain *d);

/* Print the domain's unfinished console line, if any. */
void console_flush(struct domain *d);

#endif
