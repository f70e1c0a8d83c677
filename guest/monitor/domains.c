/*
 * domains.c - finding the guests and their names (domains.h).
 */
#include "guest/monitor/domains.h"
#include "guest/lib/console.h"
#include "guest/lib/hypercall.h"
#include "guest/lib/watch_calls.h"
#include "guest/monitor/policy.h"
#include "include/public/start_info.h"
#include "lib/format.h"
#include "lib/string.h"

static struct {
	bool guest;
	char name[DOM_NAME_MAX];
} doms[DOMAINS_MAX];

static bool get_regs(uint16_t id, struct warden_vcpu_regs *r)
{
	memset(r, 0, sizeof(*r));
	r->domid = id;
	return watch_call_monitor(MONITOR_OP_get_regs, HC_PTR(r)) >= 0;
}

/* Our own registers, as Warden reports them, are those of this very
 * hypercall: EBX the command, ECX the structure it fills. */
static bool is_us(const struct warden_vcpu_regs *r)
{
	return r->ebx == MONITOR_OP_get_regs && r->ecx == HC_PTR(r);
}

/* The value of the last "name=" (as Warden takes it) in the start_info
 * at va in domain id, if it is plain printable text; false if none is. */
static bool name_from_start_info(uint16_t id, uint32_t va, char *name, size_t size)
{
	static struct start_info si;
	struct warden_memory_op op = { id, WATCH_ADDR_VIRTUAL, va, HC_PTR(&si), sizeof(si) };
	const char *line = si.cmd_line;
	struct word w, value, last = { 0, 0 };

	if (watch_call_monitor(MONITOR_OP_read_memory, HC_PTR(&op)) < 0 ||
	    memcmp(si.magic, XEN_START_INFO_MAGIC, sizeof(XEN_START_INFO_MAGIC)) != 0)
		return false;
	si.cmd_line[sizeof(si.cmd_line) - 1] = '\0';
	while (word_next(&line, &w))
		if (word_value(w, "name", &value))
			last = value;
	for (size_t i = 0; i < last.len; i++)
		if ((unsigned char)last.s[i] <= ' ' || (unsigned char)last.s[i] > '~')
			return false;
	return last.len && word_copy(last, name, size);
}

void domains_discover(void)
{
	struct warden_vcpu_regs r;

	for (uint16_t id = 1; id < DOMAINS_MAX; id++) {
		if (!get_regs(id, &r) || is_us(&r))
			continue;
		doms[id].guest = true;
		if (!name_from_start_info(id, r.esi, doms[id].name, sizeof(doms[id].name)))
			sformat(doms[id].name, sizeof(doms[id].name), "dom%u", id);
	}
}

void domains_print(void)
{
	char line[200];
	unsigned found = 0;
	int n = sformat(line, sizeof(line), "monitor: guests:");

	for (uint16_t id = 1; id < DOMAINS_MAX && n < (int)sizeof(line); id++) {
		if (!doms[id].guest)
			continue;
		n += sformat(line + n, sizeof(line) - (size_t)n, " %u (%s)", id, doms[id].name);
		found++;
	}
	printk("%s%s\n", line, found ? "" : " none");
}

bool domain_is_guest(uint16_t id)
{
	return id < DOMAINS_MAX && doms[id].guest;
}

/* Once only: MONITOR_OP_ready unpauses every guest, so a second one (the
 * shell's go) would also undo a pause the shell asked for. */
long domains_release(void)
{
	static bool released;
	long rc;

	if (released) {
		printk("monitor: the guests have started already\n");
		return 0;
	}
	rc = watch_call_monitor(MONITOR_OP_ready, 0);
	released = rc >= 0;
	if (rc < 0)
		printk("monitor: MONITOR_OP_ready: error %ld\n", rc);
	else
		printk("monitor: ready: the guests may start (type help for the shell)\n");
	return rc;
}

const char *domain_name(uint16_t id)
{
	static char other[DOM_NAME_MAX];

	if (domain_is_guest(id))
		return doms[id].name;
	sformat(other, sizeof(other), "dom%u", id);
	return other;
}

long domain_lookup(struct word w)
{
	uint32_t id;

	if (word_u32(w, &id) && id < DOMID_FIRST_RESERVED)
		return (long)id;
	for (uint16_t i = 1; i < DOMAINS_MAX; i++)
		if (doms[i].guest && word_is(w, doms[i].name))
			return i;
	printk("monitor: no domain \"%.*s\"\n", (int)w.len, w.s);
	return -1;
}
