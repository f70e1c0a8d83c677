/*
 * schedule.c - domains run one after another, for now.
 *
 * Until Warden preempts (the next issue), a domain runs until it ends;
 * then it is destroyed and the next one starts.  When the last has ended,
 * Warden powers off with a status that says whether every domain shut
 * down with poweroff, and checks that every frame the domains had is free
 * again.
 */
#include "core/schedule.h"
#include "arch/x86_32/exit_status.h"
#include "core/console.h"
#include "core/domain_table.h"
#include "core/power_off.h"
#include "core/vcpu.h"
#include "mm/frame.h"

static unsigned succeeded, failed;
static uint32_t free_before_domains;

void schedule_note_free_frames(void)
{
	free_before_domains = frame_count(FRAME_FREE);
}

static struct domain *next_runnable(void)
{
	for (unsigned i = 0; i < MAX_DOMAINS; i++)
		if (domains[i].state == DOMAIN_RUNNABLE)
			return &domains[i];
	return 0;
}

static void end_domain(struct domain *d)
{
	if (domain_succeeded(d))
		succeeded++;
	else
		failed++;
	domain_destroy(d);
}

static _Noreturn void finish(void)
{
	uint32_t free_now = frame_count(FRAME_FREE);

	printk("domains: %u succeeded, %u failed\n", succeeded, failed);
	printk("frames: %u free, %s\n", free_now, free_now == free_before_domains ?
	       "as many as before the domains were built" :
	       "NOT as many as before the domains were built");
	if (failed || free_now != free_before_domains)
		power_off(EXIT_DOMAIN_FAILED, "a domain failed");
	power_off(EXIT_OK, "every domain has ended");
}

_Noreturn void schedule(void)
{
	struct domain *next;

	if (current && domain_alive(current->domain))
		vcpu_enter(current);
	if (current && current->domain->state != DOMAIN_UNUSED)
		end_domain(current->domain);
	next = next_runnable();
	if (next) {
		printk("domain %u (%s) starts\n", next->id, next->name);
		vcpu_enter(&next->vcpu);
	}
	finish();
}
