/*
 * hc_console.c - console_io: a guest's text, on Warden's console.
 *
 * Each domain's output is cut into lines and every line is printed with
 * the domain's name in front, so the output of several domains stays
 * readable.  A partial line waits in the domain until its newline (or
 * until the domain ends, or the line is too long).
 */
#include "core/console.h"
#include "core/console_input.h"
#include "core/domain_table.h"
#include "core/hypercall.h"
#include "include/public/console.h"
#include "include/public/errno.h"
#include "shadow/guest_copy.h"

#define CHUNK 128

void console_flush(struct domain *d)
{
	if (d->line_len == 0)
		return;
	d->line[d->line_len] = '\0';
	printk("[%s] %s\n", d->name, d->line);
	d->line_len = 0;
}

static void console_put(struct domain *d, char c)
{
	if (c == '\n') {
		console_flush(d);
		return;
	}
	if (c == '\r')
		return;
	if ((unsigned char)c < ' ' && c != '\t')
		c = '?';	/* no escape sequences from guests */
	d->line[d->line_len++] = c;
	if (d->line_len == CONSOLE_LINE_MAX - 1)
		console_flush(d);
}

/* What was typed for this domain, up to count bytes; how many. */
static long console_read(struct vcpu *v, uint32_t count, uint32_t buffer)
{
	char chunk[CHUNK];
	uint32_t n = console_input_take(v->domain, chunk, count < CHUNK ? count : CHUNK);

	if (n && !guest_copy_to(&v->shadow, buffer, chunk, n))
		return -XEN_EFAULT;	/* the bytes are lost: the guest's fault */
	return (long)n;
}

long hc_console_io(struct vcpu *v, const uint32_t *arg)
{
	uint32_t cmd = arg[0], count = arg[1], buffer = arg[2];
	char chunk[CHUNK];

	if (cmd == CONSOLEIO_read)
		return console_read(v, count, buffer);
	if (cmd != CONSOLEIO_write)
		return -XEN_ENOSYS;
	while (count) {
		uint32_t n = count < CHUNK ? count : CHUNK;

		if (!guest_copy_from(&v->shadow, chunk, buffer, n))
			return -XEN_EFAULT;
		for (uint32_t i = 0; i < n; i++)
			console_put(v->domain, chunk[i]);
		buffer += n;
		count -= n;
	}
	return 0;
}
