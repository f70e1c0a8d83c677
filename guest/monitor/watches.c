/*
 * watches.c - placing, removing and listing watches (watches.h).
 */
#include "guest/monitor/watches.h"
#include "guest/lib/console.h"
#include "guest/lib/watch_calls.h"
#include "guest/monitor/domains.h"

#define LIST_MAX	32		/* watches a list shows */

long watches_add(struct word dom, struct word addr, struct word len)
{
	long id = domain_lookup(dom), rc;
	uint32_t a, n;
	bool virtual;
	const char *v;

	if (id < 0)
		return -1;
	if (!word_address(addr, &virtual, &a) || !word_u32(len, &n)) {
		printk("monitor: a watch is DOM ADDR LEN (ADDR with a v in front if virtual)\n");
		return -1;
	}
	v = virtual ? "v" : "";
	rc = watch_call_add((uint16_t)id, virtual ? WATCH_ADDR_VIRTUAL : WATCH_ADDR_PHYSICAL,
			    a, n);
	if (rc < 0)
		printk("monitor: cannot watch %u bytes at %s0x%x in domain %ld (%s): error %ld\n",
		       n, v, a, id, domain_name((uint16_t)id), rc);
	else
		printk("monitor: watch %ld: %u bytes at %s0x%x in domain %ld (%s)\n",
		       rc, n, v, a, id, domain_name((uint16_t)id));
	return rc;
}

long watches_del(struct word dom, struct word which)
{
	long id = domain_lookup(dom), rc;
	uint32_t n;

	if (id < 0)
		return -1;
	if (!word_u32(which, &n)) {
		printk("monitor: which watch? (a number)\n");
		return -1;
	}
	rc = watch_call_del((uint16_t)id, n);
	if (rc < 0)
		printk("monitor: cannot remove watch %u of domain %ld: error %ld\n", n, id, rc);
	else
		printk("monitor: watch %u of domain %ld removed\n", n, id);
	return rc;
}

static void list_one(uint16_t id)
{
	static struct warden_watch entries[LIST_MAX];
	long count = watch_call_list(id, entries, LIST_MAX);

	if (count < 0) {
		printk("monitor: cannot list the watches of domain %u: error %ld\n", id, count);
		return;
	}
	printk("monitor: domain %u (%s) has %ld watch%s\n", id, domain_name(id), count,
	       count == 1 ? "" : "es");
	for (long i = 0; i < count && i < LIST_MAX; i++)
		printk("  watch %u: %u bytes at gpa 0x%x, writes\n", entries[i].id,
		       entries[i].len, entries[i].addr);
	if (count > LIST_MAX)
		printk("  (and %ld more)\n", count - LIST_MAX);
}

void watches_list(struct word dom)
{
	long id;

	if (dom.len) {
		id = domain_lookup(dom);
		if (id >= 0)
			list_one((uint16_t)id);
		return;
	}
	for (uint16_t i = 1; i < DOMAINS_MAX; i++)
		if (domain_is_guest(i))
			list_one(i);
}
