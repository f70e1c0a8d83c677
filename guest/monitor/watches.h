/*
 * watches.h - the monitor's watches on other domains: placed from its
 * command line (watch=DOM:ADDR:LEN) and from the shell (watch add, del,
 * list), through WATCH_OP_* with a domain id.
 *
 * ADDR is pseudo-physical, or guest-virtual with a v in front: Warden
 * translates a virtual address with that domain's page tables when the
 * watch is placed, and keeps the pseudo-physical one, which is what a
 * list shows.  Each call prints one line saying what happened.
 */
#ifndef MONITOR_WATCHES_H
#define MONITOR_WATCHES_H

#include "guest/monitor/words.h"

/* Watch len bytes of domain dom at addr; the watch's id, or < 0. */
long watches_add(struct word dom, struct word addr, struct word len);

/* Remove watch id of domain dom; 0 or < 0. */
long watches_del(struct word dom, struct word id);

/* The watches of domain dom; of every guest if dom is empty. */
void watches_list(struct word dom);

#endif
