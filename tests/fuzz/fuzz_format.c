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
 * A %s takes its string from the input bytes after the spec.  The output
 * buffer is allocated to exactly the given size, and a string that the
 * precision cuts gets no NUL, so AddressSanitizer catches a write past the
 * buffer or a read past the precision.
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
/* The argument each of those lengths takes, for a signed and an unsigned conversion. */
static const enum kind signed_kinds[] = {
	K_INT, K_INT, K_INT, K_LONG, K_LLONG, K_PTRDIFF, K_PTRDIFF, K_INTMAX,
};
static const enum kind unsigned_kinds[] = {
	K_INT, K_INT, K_UNSIGNED, K_ULONG, K_ULLONG, K_SIZE, K_SIZE, K_UINTMAX,
};

/* The supported conversions, then characters that must print literally. */
static const char convs[] = "diuxXocsp%" "kfnLqZ!-.h";

struct fspec {
	char fmt[64];		/* for sformat */
	char oracle[64];	/* for snprintf: the same but for %p and unknowns */
	int star[2];		/* the two leading int arguments */
	int has_prec;		/* the precision in force, once '*' is resolved */
	int prec;
	char conv;
	enum kind kind;
	size_t size;		/* of the output buffer */
	uint64_t value;
};

/* The '*' values a spec takes, in the order it takes them. */
struct stars {
	int value[2];
	int n;
};

static char want[4096];

/* Width: none, 0-84 as digits, or '*' taking -42..42. */
static void pick_width(uint8_t b, char *spec, struct stars *st)
{
	int mode = b % 3, v = b / 3;

	if (mode == 1)
		sprintf(spec + strlen(spec), "%d", v);
	if (mode == 2) {
		strcat(spec, "*");
		st->value[st->n++] = v - 42;
	}
}

/* Precision: none, '.', 0-63 as digits, or '*' taking -20..43. */
static void pick_prec(struct fspec *f, uint8_t b, char *spec, struct stars *st)
{
	int mode = b % 4, v = b / 4;

	f->has_prec = mode != 0;
	f->prec = mode == 2 ? v : 0;
	if (mode == 1)
		strcat(spec, ".");
	if (mode == 2)
		sprintf(spec + strlen(spec), ".%d", v);
	if (mode == 3) {
		strcat(spec, ".*");
		st->value[st->n++] = v - 20;
		/* A negative '*' precision is no precision. */
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

/* The oracle's spec: "%s" of the promised text for %p, '%'s doubled if unknown. */
static void oracle_spec(char *o, const char *spec, char conv, int left,
			const char *width)
{
	if (conv == 'p') {
		sprintf(o, "[%%%s%ss]", left ? "-" : "", width);
		return;
	}
	if (strchr("diuxXocs%", conv)) {
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
	struct stars st = { { 0, 0 }, 0 };
	unsigned len = in[3] % 8, bit;
	const char *prefix;

	memset(f, 0, sizeof(*f));
	f->conv = convs[in[4] % (sizeof(convs) - 1)];
	f->kind = pick_kind(f->conv, &len);
	for (bit = 0; bit < 5; bit++)
		if (in[0] & (1u << bit))
			strncat(spec, &flag_chars[bit], 1);
	pick_width(in[1], width, &st);
	strcat(spec, width);
	/* The oracle of %p has no precision to take a '*': use digits instead. */
	pick_prec(f, f->conv == 'p' && in[2] % 4 == 3 ? in[2] - 1 : in[2], spec, &st);
	sprintf(spec + strlen(spec), "%s%c", lengths[len], f->conv);
	f->size = in[5];
	memcpy(&f->value, &in[6], sizeof(f->value));
	/* Unused '*' slots come first, each eaten by a "%.0d" of 0. */
	memcpy(&f->star[2 - st.n], st.value, sizeof(int) * (size_t)st.n);
	prefix = st.n == 0 ? "%.0d%.0d" : st.n == 1 ? "%.0d" : "";
	sprintf(f->fmt, "%s[%s]", prefix, spec);
	strcpy(f->oracle, prefix);
	oracle_spec(f->oracle + strlen(prefix), spec, f->conv, in[0] & 1, width);
}

/* Trap unless both gave the same length and stored the same text. */
static void compare(const struct fspec *f, const char *out, int n_got, int n_want)
{
	size_t stored;

	if (n_got != n_want || n_got < 0)
		__builtin_trap();
	if (f->size == 0)
		return;
	stored = (size_t)n_got < f->size - 1 ? (size_t)n_got : f->size - 1;
	if (out[stored] != '\0' || memcmp(out, want, stored + 1) != 0)
		__builtin_trap();
}

/* Format with both, the two '*' ints first, then the value. */
#define BOTH(f, out, ours, host)					\
	compare(f, out,							\
		sformat(out, (f)->size, (f)->fmt, (f)->star[0], (f)->star[1], ours), \
		snprintf(want, (f)->size, (f)->oracle, (f)->star[0], (f)->star[1], host))

/* What Warden promises for %p: "0x" and every hex digit of the pointer. */
static void pointer_text(char *text, size_t size, uint64_t v)
{
	snprintf(text, size, "0x%0*jx", (int)(2 * sizeof(void *)),
		 (uintmax_t)(uintptr_t)v);
}

static void run_integer(const struct fspec *f, char *out)
{
	uint64_t v = f->value;

	switch (f->kind) {
	case K_INT: BOTH(f, out, (int)v, (int)v); break;
	case K_UNSIGNED: BOTH(f, out, (unsigned)v, (unsigned)v); break;
	case K_LONG: BOTH(f, out, (long)v, (long)v); break;
	case K_ULONG: BOTH(f, out, (unsigned long)v, (unsigned long)v); break;
	case K_LLONG: BOTH(f, out, (long long)v, (long long)v); break;
	case K_ULLONG: BOTH(f, out, (unsigned long long)v, (unsigned long long)v); break;
	case K_PTRDIFF: BOTH(f, out, (ptrdiff_t)v, (ptrdiff_t)v); break;
	case K_SIZE: BOTH(f, out, (size_t)v, (size_t)v); break;
	case K_INTMAX: BOTH(f, out, (intmax_t)v, (intmax_t)v); break;
	case K_UINTMAX: BOTH(f, out, (uintmax_t)v, (uintmax_t)v); break;
	default: __builtin_trap();
	}
}

/*
 * A string of the next (value % 32) input bytes.  sformat gets it with no
 * NUL when the precision stops it in time, so it may not read past it; the
 * host's snprintf gets a terminated copy, which ASan's interceptor needs.
 */
static size_t run_string(const struct fspec *f, char *out, const uint8_t *in,
			 size_t avail)
{
	size_t n = f->value % 32 < avail ? f->value % 32 : avail;
	size_t exact = f->has_prec && (size_t)f->prec <= n ? n : n + 1;
	char *ours = malloc(exact), *host = malloc(n + 1);

	memcpy(ours, in, n);
	memcpy(host, in, n);
	host[n] = '\0';
	if (exact > n)
		ours[n] = '\0';
	BOTH(f, out, ours, host);
	free(ours);
	free(host);
	return n;
}

/* Run one spec; return how many further input bytes it used. */
static size_t run_spec(const struct fspec *f, const uint8_t *in, size_t avail)
{
	char *out = f->size ? malloc(f->size) : NULL;
	char text[32];
	size_t used = 0;

	if (f->kind == K_STRING) {
		used = run_string(f, out, in, avail);
	} else if (f->kind == K_POINTER) {
		pointer_text(text, sizeof(text), f->value);
		BOTH(f, out, (void *)(uintptr_t)f->value, text);
	} else {
		run_integer(f, out);
	}
	free(out);
	return used;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fspec f;
	size_t used;

	while (size >= SPEC_BYTES) {
		build_spec(&f, data);
		data += SPEC_BYTES;
		size -= SPEC_BYTES;
		used = run_spec(&f, data, size);
		data += used;
		size -= used;
	}
	return 0;
}
