/*
 * reason.c - a few rotating buffers for refusal texts, so that a checker
 * can name the numbers involved without the caller owning a buffer, and a
 * reason made while another is being reported does not overwrite it.
 */
#include "lib/reason.h"
#include "lib/format.h"

#define REASONS		4
#define REASON_MAX	128

const char *vreason(const char *fmt, va_list ap)
{
	static char buffers[REASONS][REASON_MAX];
	static unsigned next;
	char *buf = buffers[next++ % REASONS];

	vsformat(buf, REASON_MAX, fmt, ap);
	return buf;
}

const char *reason(const char *fmt, ...)
{
	va_list ap;
	const char *r;

	va_start(ap, fmt);
	r = vreason(fmt, ap);
	va_end(ap);
	return r;
}
