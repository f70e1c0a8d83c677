/*
 * shell.c - reading lines and running commands (shell.h).
 */
#include "guest/monitor/shell.h"
#include "guest/lib/console.h"
#include "guest/lib/evtchn.h"
#include "guest/lib/hypercall.h"
#include "guest/lib/watch_calls.h"
#include "guest/monitor/domains.h"
#include "guest/monitor/judge.h"
#include "guest/monitor/watches.h"
#include "lib/format.h"

#define LINE_MAX	128
#define PEEK_DEFAULT	64
#define PEEK_MAX	512
#define PEEK_ROW	16

static char line[LINE_MAX];
static unsigned len;
static bool quit;

long shell_init(void)
{
	long port = evtchn_bind_virq(VIRQ_CONSOLE);

	if (port <= 0)
		printk("monitor: no console input (bind_virq: %ld): no shell\n", port);
	return port;
}

static void help(void)
{
	static const char *const lines[] = {
		"watch add DOM ADDR LEN   watch LEN bytes (ADDR: gpa, or v and a virtual address)",
		"watch del DOM ID         remove a watch",
		"watch list [DOM]         the watches of DOM, or of every guest",
		"policy                   the rules and the default verdict",
		"stats                    Warden's watch counters and the monitor's",
		"pause DOM, resume DOM    stop and restart a domain",
		"peek DOM ADDR [LEN]      LEN bytes (64; at most 512) of DOM's memory, in hex",
		"regs DOM                 a domain's registers",
		"go                       let the guests start (after hold)",
		"quit                     stop the monitor",
	};

	for (unsigned i = 0; i < sizeof(lines) / sizeof(lines[0]); i++)
		printk("  %s\n", lines[i]);
}

static void stats(void)
{
	struct warden_watch_stats s;
	long rc = watch_call_stats(&s);

	if (rc < 0) {
		printk("monitor: MONITOR_OP_stats: error %ld\n", rc);
	} else {
		printk("  warden: %llu events, %llu allowed, %llu denied, %llu values written, "
		       "%llu removed\n", s.events, s.allowed, s.denied, s.values_written,
		       s.removed);
		printk("  warden: %llu near misses, %llu ring waits, %llu bad responses, "
		       "%llu timeouts, %llu default verdicts, %llu refused own writes\n",
		       s.near_misses, s.ring_waits, s.bad_responses, s.timeouts,
		       s.default_verdicts, s.refused_warden_writes);
	}
	judge_print_counts();
}

static void pause_or_resume(struct word dom, bool pause)
{
	long id = domain_lookup(dom), rc;

	if (id < 0)
		return;
	rc = watch_call_monitor(pause ? MONITOR_OP_pause : MONITOR_OP_unpause, (uint32_t)id);
	if (rc < 0)
		printk("monitor: cannot %s domain %ld: error %ld\n", pause ? "pause" : "resume",
		       id, rc);
	else
		printk("monitor: domain %ld (%s) %s\n", id, domain_name((uint16_t)id),
		       pause ? "paused" : "resumed");
}

/* One row of a hex dump: the address, up to PEEK_ROW bytes, and them as
 * text. */
static void dump_row(bool virtual, uint32_t addr, const uint8_t *b, uint32_t n)
{
	char hex[PEEK_ROW * 3 + 1], text[PEEK_ROW + 1];

	for (uint32_t i = 0; i < n; i++) {
		sformat(hex + i * 3, 4, " %02x", b[i]);
		text[i] = b[i] >= ' ' && b[i] <= '~' ? (char)b[i] : '.';
	}
	hex[n * 3] = text[n] = '\0';
	printk("  %s0x%08x:%-48s  %s\n", virtual ? "v" : "", addr, hex, text);
}

static void peek(struct word dom, struct word addr, struct word length)
{
	static uint8_t buf[PEEK_MAX];
	struct warden_memory_op op = { 0, WATCH_ADDR_PHYSICAL, 0, HC_PTR(buf), PEEK_DEFAULT };
	long id = domain_lookup(dom), rc;
	bool virtual;

	if (id < 0)
		return;
	if (!word_address(addr, &virtual, &op.addr) ||
	    (length.len && !word_u32(length, &op.len)) || op.len == 0 || op.len > PEEK_MAX) {
		printk("monitor: peek DOM ADDR [LEN], LEN 1 to %u\n", PEEK_MAX);
		return;
	}
	op.domid = (uint16_t)id;
	op.addr_kind = virtual ? WATCH_ADDR_VIRTUAL : WATCH_ADDR_PHYSICAL;
	rc = watch_call_monitor(MONITOR_OP_read_memory, HC_PTR(&op));
	if (rc < 0) {
		printk("monitor: cannot read domain %ld's memory: error %ld\n", id, rc);
		return;
	}
	for (uint32_t off = 0; off < op.len; off += PEEK_ROW)
		dump_row(virtual, op.addr + off, buf + off,
			 op.len - off < PEEK_ROW ? op.len - off : PEEK_ROW);
}

static void regs(struct word dom)
{
	struct warden_vcpu_regs r = { 0 };
	long id = domain_lookup(dom), rc;

	if (id < 0)
		return;
	r.domid = (uint16_t)id;
	rc = watch_call_monitor(MONITOR_OP_get_regs, HC_PTR(&r));
	if (rc < 0) {
		printk("monitor: cannot read domain %ld's registers: error %ld\n", id, rc);
		return;
	}
	printk("  eip %04x:%08x eflags %08x esp %04x:%08x cr2 %08x cr3 %08x\n",
	       r.cs, r.eip, r.eflags, r.ss, r.esp, r.cr2, r.cr3);
	printk("  eax %08x ebx %08x ecx %08x edx %08x esi %08x edi %08x ebp %08x\n",
	       r.eax, r.ebx, r.ecx, r.edx, r.esi, r.edi, r.ebp);
}

static void watch(const struct word *w, unsigned n)
{
	if (n == 5 && word_is(w[1], "add"))
		watches_add(w[2], w[3], w[4]);
	else if (n == 4 && word_is(w[1], "del"))
		watches_del(w[2], w[3]);
	else if ((n == 2 || n == 3) && word_is(w[1], "list"))
		watches_list(n == 3 ? w[2] : (struct word){ "", 0 });
	else
		printk("monitor: watch add DOM ADDR LEN, watch del DOM ID, watch list [DOM]\n");
}

/* One command: its words w[0..n). */
static void run(const struct word *w, unsigned n)
{
	if (word_is(w[0], "help"))
		help();
	else if (word_is(w[0], "watch"))
		watch(w, n);
	else if (word_is(w[0], "policy"))
		judge_print_policy();
	else if (word_is(w[0], "stats"))
		stats();
	else if ((word_is(w[0], "pause") || word_is(w[0], "resume")) && n == 2)
		pause_or_resume(w[1], word_is(w[0], "pause"));
	else if (word_is(w[0], "peek") && (n == 3 || n == 4))
		peek(w[1], w[2], n == 4 ? w[3] : (struct word){ "", 0 });
	else if (word_is(w[0], "regs") && n == 2)
		regs(w[1]);
	else if (word_is(w[0], "go") && n == 1)
		domains_release();
	else if (word_is(w[0], "quit"))
		quit = true;
	else
		printk("monitor: what is \"%.*s\"? (help lists the commands)\n",
		       (int)w[0].len, w[0].s);
}

/* The line typed: said back, split into words, run. */
static void command(void)
{
	struct word w[6];
	const char *s = line;
	unsigned n = 0;

	line[len] = '\0';
	len = 0;
	while (n < 6 && word_next(&s, &w[n]))
		n++;
	if (n == 0)
		return;
	printk("monitor> %s\n", line);
	run(w, n);
}

/* One byte typed: a line ends at Enter (\r or \n); backspace takes the
 * last byte back; other control bytes are dropped. */
static void take(char c)
{
	if (c == '\r' || c == '\n')
		command();
	else if ((c == '\b' || c == 0x7f) && len > 0)
		len--;
	else if (c >= ' ' && c <= '~' && len < LINE_MAX - 1)
		line[len++] = c;
}

bool shell_poll(void)
{
	char buf[64];
	long n;

	while (!quit && (n = hc_console_read(buf, sizeof(buf))) > 0)
		for (long i = 0; i < n && !quit; i++)
			take(buf[i]);
	return !quit;
}
