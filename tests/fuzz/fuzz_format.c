/*
 * fuzz_format.c - vsformat against the host's snprintf, on specs the input picks.
 *
 * Taking the input itself as a format would be unsafe for any printf (a
 * "%s" would read an argument that is not there), so instead every 14 bytes
 * of input choose one conversion spec that is valid by construction: flags,
 * a width (none, digits or '*'), a precision (none, '.', digits or '*'), a
 * length modifier, a conversion, the output buffer's size and a 64-bit
 * value.  sformat and the host's snprintf then format it into buffers of
 * that size, and any difference in text or return value traps.
 *
 * Every call passes the same arguments: two ints for the '*'s and then the
 * value.  A spec with fewer '*'s is preceded by one "%.0d" per unused int,
 * which prints nothing for the 0 it is given.  Where Warden differs from
 * glibc by design, the oracle gets an equivalent format instead: %p becomes
 * "%s" of the text Warden promises, and an unknown conversion becomes the
 * same text with each '%' doubled, since it must print literally.
 *
 * The output buffer is allocated to exactly the given size, and a string
 * with a precision gets no NUL, so AddressSanitizer catches a write past
 * the buffer or a read past the precision.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/format.h"

#define SPEC_BYTES 14

enum kind {
	K_INT, K_UNSIGNED, K_LONG, K_ULONG, K_LLONG, K_ULLONG,
	K_PTRDIFF, K_SIZE, K_INTMAX, K_UINTMAX, K_STRING, K_POINTER,
};

static const char *const lengths[] = { "hh", "h", "", "l", "ll", "z", "t", "j" };
static const enum kind signed_kinds[] = { K_INT, K_INT, K_INT, K_LONG, K_LLONG, K_PTRDIFF, K_PTRDIFF, K_INTMAX };
static const enum kind unsigned_kinds[] = { K_INT, K_INT, K_UNSIGNED, K_ULONG, K_ULLONG, K_SIZE, K_SIZE, K_UINTMAX };

/* The supported conversions, then characters that must print literally. */
static const char convs[] = "diuxXocsp%" "kfnLqZ!-.h";

struct fspec {
	char fmt[64];		/* for sformat */
	char oracle[64];	/* for snprintf: the same, except for %p and unknown ones */
	int star[2];		/* the two leading int arguments */
	int has_prec;		/* the precision in force, once '*' is resolved */
	int prec;
	char conv;
	enum kind kind;
	size_t size;		/* of the output buffer */
	uint64_t value;
};

static char want[4096];

/* Append "%.0d" for an unused star slot, or the flags, to both formats. */
static void append(struct fspec *f, const char *text)
{
	strcat(f->fmt, text);
	strcat(f->oracle, text);
}

/* Width: none, 0-84 as digits, or '*' taking -42..42. */
static void pick_width(const uint8_t *in, char *spec, int *star, int *nstars)
{
	int mode = in[0] % 3, v = in[0] / 3;

	if (mode == 1)
		sprintf(spec + strlen(spec), "%d", v);
	if (mode == 2) {
		strcat(spec, "*");
		star[(*nstars)++] = v - 42;
	}
}

/* Precision: none, '.', 0-63 as digits, or '*' taking -20..43. */
static void pick_prec(struct fspec *f, const uint8_t *in, char *spec, int *nstars)
{
	int mode = in[0] % 4, v = in[0] / 4;

	f->has_prec = mode != 0;
	f->prec = mode == 2 ? v : 0;
	if (mode == 1)
		strcat(spec, ".");
	if (mode == 2)
		sprintf(spec + strlen(spec), ".%d", v);
	if (mode == 3) {
		strcat(spec, ".*");
		f->star[(*nstars)++] = v - 20;
		f->has_prec = v >= 20;
		f->prec = v - 20;
	}
}

/* The kind of argument a conversion takes; a length applies to integers only. */
static enum kind pick_kind(char conv, unsigned *len)
{
	if (strchr("di", conv))
		return signed_kinds[*len];
	if (strchr("uoxX", conv))
		return unsigned_kinds[*len];
	/* glibc gives "%lc" and "%ls" wide-character meanings; Warden has none. */
	if (strchr("cs%p", conv))
		*len = 2;
	return conv == 's' ? K_STRING : conv == 'p' ? K_POINTER : K_INT;
}

/* The oracle's spec: the same, "%s" of the promised text for %p, '%'s doubled if unknown. */
static void oracle_spec(struct fspec *f, const char *spec, int left, const char *width)
{
	char *o = f->oracle + strlen(f->oracle);

	if (f->conv == 'p') {
		sprintf(o, "[%%%s%ss]", left ? "-" : "", width);
		return;
	}
	if (strchr("diuxXocsp%", f->conv)) {
		sprintf(o, "[%s]", spec);
		return;
	}
	*o++ = '[';
	for (; *spec; spec++) {
		if (*spec == '%')
			*o++ = '%';
		*o++ = *spec;
	}
	strcpy(o, "]");
}

static void build_spec(struct fspec *f, const uint8_t *in)
{
	static const char flag_chars[] = "-0+ #";
	char spec[32] = "%", width[8] = "";
	int nstars = 0, star[2] = { 0, 0 }, bit;
	unsigned len = in[3] % 8;

	memset(f, 0, sizeof(*f));
	f->conv = convs[in[4] % (sizeof(convs) - 1)];
	f->kind = pick_kind(f->conv, &len);
	for (bit = 0; bit < 5; bit++)
		if (in[0] & (1u << bit))
			strncat(spec, &flag_chars[bit], 1);
	pick_width(&in[1], width, star, &nstars);
	strcat(spec, width);
	/* %p's oracle has no precision to take a '*'; Warden ignores it anyway. */
	pick_prec(f, f->conv == 'p' && in[2] % 4 == 3 ? (const uint8_t *)"\x02" : &in[2], spec, &nstars);
	if (nstars == 1 && f->star[0])
		star[1] = f->star[0], nstars = 2;
	sprintf(spec + strlen(spec), "%s%c", lengths[len], f->conv);
	f->size = in[5];
	memcpy(&f->value, &in[6], sizeof(f->value));
	/* Unused '*' slots come first, each eaten by a "%.0d" of 0. */
	for (bit = 0; bit < 2 - nstars; bit++)
		append(f, "%.0d");
	memcpy(&f->star[2 - nstars], star, sizeof(int) * (size_t)nstars);
	strcat(f->fmt, "[");
	strcat(f->fmt, spec);
	strcat(f->fmt, "]");
	oracle_spec(f, spec, (in[0] & 1) != 0, width);
}
