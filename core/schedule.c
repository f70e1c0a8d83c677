/*
 * schedule.c - which vCPU runs: round robin, preemptive, with priorities.
 *
 * Every domain has one vCPU.  A vCPU is runnable unless it waits for an
 * event (sched_op block or poll).  The scheduler runs whenever Warden is
 * about to go back into a guest: the current vCPU goes on unless it ended,
 * waits, or used up its time slice (SLICE_TICKS ticks of the PIT: the tick
 * is what preempts a guest that never calls Warden).  Otherwise the next
 * runnable vCPU after it, in domain order, runs -- taking the highest
 * priority first (priority=N on a module's command line; the monitor will
 * use it).  With nothing runnable Warden halts until the next interrupt.
 *
 * A domain that ended is destroyed here, and its CPU time printed.  When
 * every live domain waits for something that cannot come (no timer, no
 * console input, no live peer) Warden says so and stops them, instead of
 * idling forever.  With no domain left, Warden powers off: successfully if
 * every domain shut down with poweroff and every frame came back.
 */
#include "core/schedule.h"
#include "arch/x86_32/exit_status.h"
#include "arch/x86_32/x86.h"
#include "core/console.h"
#include "core/domain_table.h"
#include "core/event_channel.h"
#include "core/fpu.h"
#include "core/monitor.h"
#include "core/power_off.h"
#include "core/watch.h"
#include "core/watch_event.h"
#include "include/public/sched.h"
#include "core/syscall_gate.h"
#include "core/vcpu.h"
#include "core/vtimer.h"
#include "mm/frame.h"

#define SLICE_TICKS	2		/* 20 ms at TICK_HZ 100 */

static unsigned succeeded, failed;
static uint32_t free_before_domains;
static unsigned slice_left = SLICE_TICKS;
static bool need_resched;

void schedule_note_free_frames(void)
{
	free_before_domains = frame_count(FRAME_FREE);
}

void schedule_tick(void)
{
	vtimer_tick();
	if (slice_left == 0 || --slice_left == 0)
		need_resched = true;
}

void schedule_yield(void)
{
	need_resched = true;
}

/* A woken vCPU of higher priority than the running one runs at once, not
 * at the end of the slice: that is what priority is for. */
void schedule_woken(const struct vcpu *v)
{
	if (current && v != current &&
	    v->domain->priority > current->domain->priority)
		need_resched = true;
}

static bool runnable(const struct domain *d)
{
	return domain_alive(d) && !d->paused && d->vcpu.wait == WAIT_NONE;
}

/* The monitor has nothing to watch once every guest has ended: it is shut
 * down, unless its command line said `stay` (to keep its shell). */
static void dismiss_lonely_monitor(void)
{
	struct domain *m = monitor_domain();

	if (!m || m->monitor_stays)
		return;
	for (unsigned i = 0; i < MAX_DOMAINS; i++)
		if (domain_alive(&domains[i]) && !domains[i].monitor)
			return;
	printk("warden: no guest is left; the monitor is shut down\n");
	domain_shutdown(m, SHUTDOWN_poweroff);
}

/* Destroy every domain that ended; count how it ended.  (Most calls find
 * nothing new: the count says so without a look at every domain.) */
static void reap_ended(void)
{
	static unsigned reaped;

	if (reaped == domains_ended)
		return;
	reaped = domains_ended;
	for (unsigned i = 0; i < MAX_DOMAINS; i++) {
		struct domain *d = &domains[i];

		if (d->state != DOMAIN_SHUTDOWN && d->state != DOMAIN_CRASHED)
			continue;
		if (domain_succeeded(d))
			succeeded++;
		else
			failed++;
		if (d->monitor)
			watch_event_monitor_gone();
		else
			watch_event_vcpu_gone(&d->vcpu);
		evtchn_close_all(d);
		watch_clear(d);
		fpu_forget(&d->vcpu);
		syscall_gate_forget(&d->vcpu);
		domain_destroy(d);
		if (current == &d->vcpu)
			current = 0;
	}
}

/* Reap, and reap again if that left the monitor alone (it is dismissed). */
static void reap(void)
{
	static unsigned seen;

	if (seen == domains_ended)	/* nothing ended since: the usual case */
		return;
	reap_ended();
	dismiss_lonely_monitor();
	reap_ended();
	seen = domains_ended;
}

/* The runnable vCPU with the highest priority, the first after `after`
 * in domain order among equals. */
static struct vcpu *pick(const struct vcpu *after)
{
	unsigned start = after ? after->domain->id : 0;	/* index after it */
	struct vcpu *best = 0;

	for (unsigned k = 0; k < MAX_DOMAINS; k++) {
		struct domain *d = &domains[(start + k) % MAX_DOMAINS];

		if (runnable(d) &&
		    (!best || d->priority > best->domain->priority))
			best = &d->vcpu;
	}
	return best;
}

/* Whether the port bound to virq could wake v: blocked, v wakes only for
 * unmasked events; polling, for its polled ports, masked or not. */
static bool virq_wakes(const struct vcpu *v, unsigned virq)
{
	uint32_t port = v->virq_port[virq];

	if (!port)
		return false;
	if (v->wait == WAIT_EVENT)
		return !evtchn_is_masked(v->domain, port);
	for (unsigned i = 0; i < v->poll_count; i++)
		if (v->poll_ports[i] == port)
			return true;
	return false;
}

/* Whether anything could still wake a waiting vCPU when nobody runs: its
 * timer, console input, or a poll timeout. */
static bool can_wake(const struct vcpu *v)
{
	return virq_wakes(v, VIRQ_TIMER) || virq_wakes(v, VIRQ_CONSOLE) ||
	       (v->wait == WAIT_POLL && v->poll_deadline) ||
	       v->wait == WAIT_VERDICT || v->wait == WAIT_RING;	/* deadlines */
}

/* Nobody runs.  If somebody could wake, wait for an interrupt; if all
 * wait for what cannot come, stop them.  False if no domain is left. */
static bool idle_or_give_up(void)
{
	bool alive = false, hope = false;

	for (unsigned i = 0; i < MAX_DOMAINS; i++) {
		if (domain_alive(&domains[i])) {
			alive = true;
			hope |= can_wake(&domains[i].vcpu);
		}
	}
	if (hope) {
		sti_hlt_cli();		/* the tick wakes us, and maybe a vCPU */
		return true;
	}
	for (unsigned i = 0; alive && i < MAX_DOMAINS; i++)
		if (domain_alive(&domains[i]))
			domain_crash(&domains[i], "waits for an event that can never come (no timer, no console, no running peer)");
	return alive;
}

static _Noreturn void finish(void)
{
	uint32_t free_now = frame_count(FRAME_FREE);
	bool all_back = free_now == free_before_domains;

	printk("domains: %u succeeded, %u failed\n", succeeded, failed);
	printk("frames: %u free, %s\n", free_now, all_back ?
	       "as many as before the domains were built" :
	       "NOT as many as before the domains were built");
	if (!all_back)
		power_off(EXIT_DOMAIN_FAILED, "frames were not all given back");
	if (failed)
		power_off(EXIT_DOMAIN_FAILED, "a domain failed");
	power_off(EXIT_OK, "every domain has ended");
}

_Noreturn void schedule(void)
{
	for (;;) {
		struct vcpu *prev = current, *next;

		reap();
		prev = current;
		if (prev && runnable(prev->domain) && !need_resched)
			vcpu_enter(prev);
		next = pick(prev);
		if (next) {
			need_resched = false;
			slice_left = SLICE_TICKS;
			if (!next->domain->started) {
				next->domain->started = true;
				printk("domain %u (%s) starts\n", next->domain->id,
				       next->domain->name);
			}
			vcpu_enter(next);
		}
		if (!idle_or_give_up())
			finish();
	}
}
