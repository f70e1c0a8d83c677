/*
 * watch_calls.h - Warden's own two hypercalls (include/public/warden.h),
 * as typed functions: watches, and the monitor's operations.
 *
 * warden_watch_op takes a struct warden_watch (or a list); these fill it
 * in from plain arguments, so a test reads as what it does.
 * warden_monitor_op takes either a pointer or a number (a domain id) as
 * its argument, depending on the command; watch_call_monitor() passes
 * whichever it is given.  Every function returns what Warden said: >= 0,
 * or -XEN_Exxx.
 */
#ifndef GUEST_LIB_WATCH_CALLS_H
#define GUEST_LIB_WATCH_CALLS_H

#include <stdint.h>

#include "include/public/warden.h"

/* Watch [addr, addr + len) of domain domid (DOMID_SELF: ours) for
 * writes; addr_kind is WATCH_ADDR_VIRTUAL or WATCH_ADDR_PHYSICAL.  The
 * watch's id (> 0). */
long watch_call_add(uint16_t domid, uint8_t addr_kind, uint32_t addr, uint32_t len);

/* Our own memory at virtual address p, the common case. */
long watch_call_add_self(const volatile void *p, uint32_t len);

long watch_call_del(uint16_t domid, uint32_t id);

/* Up to max of domid's watches into out; how many there are in all. */
long watch_call_list(uint16_t domid, struct warden_watch *out, uint16_t max);

/* warden_monitor_op(cmd, arg), arg a number or a pointer made one. */
long watch_call_monitor(uint32_t cmd, uint32_t arg);

/* MONITOR_OP_stats into *s. */
long watch_call_stats(struct warden_watch_stats *s);

#endif
