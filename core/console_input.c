/*
 * console_input.c - who gets what is typed.
 *
 * Bytes from COM1 go to one domain at a time, the one with focus (the
 * monitor if there is one, else the first domain, at first).  Pressing Ctrl-A three times in a row moves the
 * focus to the next live domain, as Ctrl-A thrice switches between Xen and
 * dom0; Warden says where it went.  Each domain has a small buffer; when
 * bytes arrive for it, it gets VIRQ_CONSOLE, and reads them with
 * console_io(CONSOLEIO_read).  A full buffer drops bytes (and counts them).
 */
#include "core/console_input.h"
#include "arch/x86_32/pic.h"
#include "arch/x86_32/serial.h"
#include "core/console.h"
#include "core/domain_table.h"
#include "core/event_channel.h"
#include "core/monitor.h"

#define CTRL_A		0x01
#define SWITCH_PRESSES	3

static struct domain *focus;
static unsigned ctrl_a_count;
static uint32_t dropped;

void console_input_init(void)
{
	serial_enable_receive_irq();
	pic_unmask(IRQ_COM1);
}

/* The next live domain after d (or the first), or NULL. */
static struct domain *next_domain(const struct domain *d)
{
	unsigned start = d ? d->id : 0;

	for (unsigned k = 0; k < MAX_DOMAINS; k++) {
		struct domain *n = &domains[(start + k) % MAX_DOMAINS];

		if (domain_alive(n))
			return n;
	}
	return 0;
}

static void switch_focus(void)
{
	focus = next_domain(focus);
	if (focus)
		printk("warden: console input now goes to domain %u (%s)\n",
		       focus->id, focus->name);
	else
		printk("warden: no domain to give console input to\n");
}

static void deliver(char c)
{
	struct domain *d = focus && domain_alive(focus) ? focus : monitor_domain();

	if (!d)
		d = next_domain(0);
	unsigned next;

	focus = d;
	if (!d)
		return;
	next = (d->input_head + 1) % CONSOLE_INPUT_MAX;
	if (next == d->input_tail) {
		dropped++;
		return;
	}
	d->input[d->input_head] = c;
	d->input_head = next;
	evtchn_send_virq(&d->vcpu, VIRQ_CONSOLE);
}

static void receive(char c)
{
	if (c != CTRL_A) {
		for (; ctrl_a_count; ctrl_a_count--)
			deliver(CTRL_A);	/* fewer than three: they were meant */
		deliver(c);
		return;
	}
	if (++ctrl_a_count == SWITCH_PRESSES) {
		ctrl_a_count = 0;
		switch_focus();
	}
}

void console_input_irq(void)
{
	int c;

	while ((c = serial_getc()) >= 0)
		receive((char)c);
}

uint32_t console_input_take(struct domain *d, char *buf, uint32_t len)
{
	uint32_t n = 0;

	while (n < len && d->input_tail != d->input_head) {
		buf[n++] = d->input[d->input_tail];
		d->input_tail = (d->input_tail + 1) % CONSOLE_INPUT_MAX;
	}
	return n;
}
