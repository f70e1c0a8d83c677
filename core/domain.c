/*
 * domain.c - the table of domains, and how a domain ends.
 *
 * A domain ends in one of two ways: it asks to (sched_op shutdown, with a
 * reason), or Warden stops it (domain_crash, with the first reason Warden
 * found).  Either way it never runs again, it says so in one line, and
 * domain_destroy() gives every frame it had back to the allocator.
 */
#include <stdarg.h>

#include "core/domain.h"
#include "core/console.h"
#include "core/domain_table.h"
#include "core/guest_fault.h"
#include "core/time.h"
#include "include/public/sched.h"
#include "lib/format.h"
#include "lib/string.h"
#include "mm/frame.h"

struct domain domains[MAX_DOMAINS];
unsigned domains_ended;

static const char *const shutdown_names[] = {
	"poweroff", "reboot", "suspend", "crash", "watchdog", "soft_reset",
};

struct domain *domain_alloc(void)
{
	for (unsigned i = 0; i < MAX_DOMAINS; i++) {
		if (domains[i].state == DOMAIN_UNUSED) {
			memset(&domains[i], 0, sizeof(domains[i]));
			domains[i].id = (uint16_t)(i + 1);
			domains[i].vcpu.domain = &domains[i];
			return &domains[i];
		}
	}
	return 0;
}

void domain_crash(struct domain *d, const char *fmt, ...)
{
	va_list ap;

	if (d->state != DOMAIN_RUNNABLE)
		return;		/* only the first reason counts */
	va_start(ap, fmt);
	vsformat(d->crash_reason, sizeof(d->crash_reason), fmt, ap);
	va_end(ap);
	d->state = DOMAIN_CRASHED;
	domains_ended++;
	console_flush(d);
	printk("domain %u (%s) crashed: %s\n", d->id, d->name, d->crash_reason);
}

void domain_shutdown(struct domain *d, unsigned reason)
{
	if (d->state != DOMAIN_RUNNABLE)
		return;
	d->state = DOMAIN_SHUTDOWN;
	domains_ended++;
	d->shutdown_reason = reason;
	console_flush(d);
	printk("domain %u (%s) shut down: %s\n", d->id, d->name,
	       reason <= SHUTDOWN_MAX ? shutdown_names[reason] : "(unknown reason)");
}

bool domain_succeeded(const struct domain *d)
{
	return d->state == DOMAIN_SHUTDOWN && d->shutdown_reason == SHUTDOWN_poweroff;
}

static void print_stats(const struct domain *d)
{
	const struct shadow_stats *s = &d->vcpu.shadow.stats;
	uint64_t us = tsc_scale_apply(time_tsc_scale(), d->vcpu.run_tsc) / 1000;

	printk("domain %u (%s): ran %llu.%03llu ms of CPU time\n", d->id, d->name,
	       us / 1000, us % 1000);
	guest_fault_print_counts(d);
	printk("domain %u (%s): shadow: %llu fills, %llu tables made, %llu evicted, "
	       "roots %llu hit %llu missed, %llu write-protected, %llu unshadowed, "
	       "%llu entries dropped, at most %u of %u frames\n",
	       d->id, d->name, s->fills, s->tables, s->evictions, s->root_hits,
	       s->root_misses, s->write_protects, s->unshadows, s->invalidations,
	       s->peak_frames, d->vcpu.shadow.limit);
}

void domain_destroy(struct domain *d)
{
	struct vcpu *v = &d->vcpu;

	if (d->state != DOMAIN_RUNNABLE)	/* it ran: say how it went */
		print_stats(d);
	shadow_destroy(&v->shadow);
	if (v->trap_page)
		frame_free(v->trap_page);
	if (v->switcher_l1)
		frame_free(v->switcher_l1);
	p2m_free(&d->p2m);		/* RAM and the shared-info page */
	d->state = DOMAIN_UNUSED;
}
