/*
 * events.h - our virtual interrupts: Warden's upcall into the event
 * callback, and the handlers it runs.
 *
 * When a port that is not masked becomes pending, Warden sets
 * evtchn_pending_sel and evtchn_upcall_pending in our vcpu_info and, as
 * soon as evtchn_upcall_mask allows (our "interrupt flag", inverted), on
 * its way back into us enters the callback we registered: event_entry.S,
 * with events masked and the frame an exception without an error code
 * would have.  events_dispatch() then walks the pending bits from the
 * selector down, clears each port it finds, counts it, and runs its
 * handler.  Returning restores the interrupted registers and event mask
 * in one step (the iret hypercall).
 *
 * Events start masked, as Warden starts every domain; events_on() and
 * sched_op block (events_block) unmask them.
 */
#ifndef GUEST_LIB_EVENTS_H
#define GUEST_LIB_EVENTS_H

#include <stdbool.h>
#include <stdint.h>

#include "guest/lib/traps.h"
#include "include/public/event_channel.h"

/* The vector number struct cpu_regs carries for an upcall (not a real one). */
#define EVENT_VECTOR	0x100

typedef void (*event_handler_fn)(evtchn_port_t port, struct cpu_regs *regs);

/* Register event_entry.S as our event callback (callback_op). */
void events_init(void);

/* Run fn for each event on port (NULL: only count it). */
void events_set_handler(evtchn_port_t port, event_handler_fn fn);

/* How many events of port the dispatcher has taken, and how many upcalls
 * there were in all (one upcall may take several events). */
uint32_t events_seen(evtchn_port_t port);
uint32_t events_upcalls(void);

/* Our interrupt flag.  events_on() delivers what is already pending
 * before it returns. */
void events_on(void);
void events_off(void);
bool events_are_on(void);

/* sched_op block: unmask events and sleep until one is delivered (it has
 * been, when this returns). */
void events_block(void);

void events_dispatch(struct cpu_regs *regs);	/* event_entry.S only */

#endif
