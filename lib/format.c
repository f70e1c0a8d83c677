/*
 * format.c - printf-style formatting into a bounded buffer.
 *
 * vsformat() walks the format once, copying ordinary text.  Each '%' starts
 * a conversion specification, which parse_spec() reads completely into a
 * struct spec *before* any argument is fetched.  Only when the conversion
 * character turns out to be one we support are the '*' width and precision
 * and then the value taken from the va_list.  An unknown conversion is
 * copied out literally and touches no argument: that order is what keeps a
 * malformed format from reading an argument of the wrong type.
 *
 * All output goes through struct out, which counts every character of the
 * whole output but stores only those that fit before the final NUL.
 * Padding is counted, not looped over, so a width of two billion costs no
 * more than the buffer it fills.
 *
 * Every integer conversion ends in format_int(), which gets the magnitude as
 * a uintmax_t and a prefix ("-", "+", " ", "0x") and lays the field out as
 *
 *     [spaces] prefix [zeros] digits [spaces]
 *
 * The zeros come from the precision, from '#' on octal, or from the '0'
 * flag; the spaces come from the width.  Digits are made by dividing by the
 * base, which on i686 is a 64-bit division that libgcc provides.
 */
#include <stdbool.h>
#include <stdint.h>

#include "lib/format.h"
#include "lib/string.h"

/*
 * INT_MAX + 1 (there is no <limits.h> here): the first length the int result
 * cannot report.  The output length and every width and precision saturate
 * here, so none of them can wrap, even in i686's 32-bit size_t.
 */
#define TOO_LONG ((size_t)(~0u >> 1) + 1)

struct out {
	char *buf;
	size_t size;	/* bytes in buf, the NUL included */
	size_t len;	/* length of the whole output so far */
};

enum length { LEN_NONE, LEN_HH, LEN_H, LEN_L, LEN_LL, LEN_Z, LEN_T, LEN_J };

struct spec {
	bool left, zero, plus, space, alt;	/* the flags - 0 + space # */
	bool width_star, prec_star;		/* given as '*': still to be fetched */
	bool has_prec;
	size_t width, prec;
	enum length length;
	char conv;				/* '\0' if the format ended early */
	const char *text;			/* the spec from its '%', ... */
	size_t text_len;			/* ... printed as-is if conv is unknown */
};

/* How many of n further characters still fit before the NUL. */
static size_t room(const struct out *o, size_t n)
{
	size_t avail = o->size ? o->size - 1 : 0;

	if (o->len >= TOO_LONG || o->len >= avail)
		return 0;
	return n < avail - o->len ? n : avail - o->len;
}

static void advance(struct out *o, size_t n)
{
	o->len = n > TOO_LONG - o->len ? TOO_LONG : o->len + n;
}

static void out_mem(struct out *o, const char *s, size_t n)
{
	size_t k = room(o, n);

	if (k)
		memcpy(o->buf + o->len, s, k);
	advance(o, n);
}

static void out_repeat(struct out *o, char c, size_t n)
{
	size_t k = room(o, n);

	if (k)
		memset(o->buf + o->len, c, k);
	advance(o, n);
}

static const char *parse_flags(const char *p, struct spec *s)
{
	for (;; p++) {
		switch (*p) {
		case '-': s->left = true; break;
		case '0': s->zero = true; break;
		case '+': s->plus = true; break;
		case ' ': s->space = true; break;
		case '#': s->alt = true; break;
		default: return p;
		}
	}
}

/* A width or precision: '*', or digits (none means 0). */
static const char *parse_number(const char *p, size_t *n, bool *star)
{
	if (*p == '*') {
		*star = true;
		return p + 1;
	}
	for (*n = 0; *p >= '0' && *p <= '9'; p++) {
		size_t d = (size_t)(*p - '0');

		*n = *n > (TOO_LONG - d) / 10 ? TOO_LONG : *n * 10 + d;
	}
	return p;
}

static const char *parse_length(const char *p, enum length *len)
{
	switch (*p) {
	case 'h':
		*len = p[1] == 'h' ? LEN_HH : LEN_H;
		return p + (p[1] == 'h' ? 2 : 1);
	case 'l':
		*len = p[1] == 'l' ? LEN_LL : LEN_L;
		return p + (p[1] == 'l' ? 2 : 1);
	case 'z': *len = LEN_Z; return p + 1;
	case 't': *len = LEN_T; return p + 1;
	case 'j': *len = LEN_J; return p + 1;
	default: *len = LEN_NONE; return p;
	}
}

/* Read the spec starting at the '%' at p; return where the text resumes. */
static const char *parse_spec(const char *p, struct spec *s)
{
	*s = (struct spec){ .text = p };
	p = parse_flags(p + 1, s);
	p = parse_number(p, &s->width, &s->width_star);
	if (*p == '.') {
		s->has_prec = true;
		p = parse_number(p + 1, &s->prec, &s->prec_star);
	}
	p = parse_length(p, &s->length);
	s->conv = *p;
	if (*p != '\0')
		p++;
	s->text_len = (size_t)(p - s->text);
	return p;
}

static bool is_conversion(char c)
{
	switch (c) {
	case 'd': case 'i': case 'u': case 'o': case 'x': case 'X':
	case 'c': case 's': case 'p': case '%':
		return true;
	default:
		return false;
	}
}

/* Take the '*' width and then the '*' precision from the arguments. */
static void fetch_stars(struct spec *s, va_list *ap)
{
	if (s->width_star) {
		int w = va_arg(*ap, int);

		/* Negative means '-' and the magnitude; 0u - w is exact for INT_MIN. */
		if (w < 0)
			s->left = true;
		s->width = w < 0 ? (size_t)(0u - (unsigned)w) : (size_t)w;
	}
	if (s->prec_star) {
		int p = va_arg(*ap, int);

		/* A negative precision counts as no precision at all. */
		s->has_prec = p >= 0;
		s->prec = p >= 0 ? (size_t)p : 0;
	}
}

/*
 * Fetch the argument of a signed conversion at its promoted type, then cut
 * it to the type the length names.  'z' means the signed type of size_t's
 * width, which is ptrdiff_t on every ABI Warden builds for.
 */
static intmax_t get_signed(enum length len, va_list *ap)
{
	switch (len) {
	case LEN_HH: return (signed char)va_arg(*ap, int);
	case LEN_H: return (short)va_arg(*ap, int);
	case LEN_L: return va_arg(*ap, long);
	case LEN_LL: return va_arg(*ap, long long);
	case LEN_Z: return va_arg(*ap, ptrdiff_t);
	case LEN_T: return va_arg(*ap, ptrdiff_t);
	case LEN_J: return va_arg(*ap, intmax_t);
	default: return va_arg(*ap, int);
	}
}

/* The same for unsigned conversions; 't' is read as ptrdiff_t and wrapped. */
static uintmax_t get_unsigned(enum length len, va_list *ap)
{
	switch (len) {
	case LEN_HH: return (unsigned char)va_arg(*ap, int);
	case LEN_H: return (unsigned short)va_arg(*ap, int);
	case LEN_L: return va_arg(*ap, unsigned long);
	case LEN_LL: return va_arg(*ap, unsigned long long);
	case LEN_Z: return va_arg(*ap, size_t);
	case LEN_T: return (size_t)va_arg(*ap, ptrdiff_t);
	case LEN_J: return va_arg(*ap, uintmax_t);
	default: return va_arg(*ap, unsigned);
	}
}

/* Pad a field of len characters to the width: before it, or after it if '-'. */
static void pad(struct out *o, const struct spec *s, size_t len, bool before)
{
	if (before != s->left && s->width > len)
		out_repeat(o, ' ', s->width - len);
}

/* Write v's digits in the spec's base backwards, ending at end; return how many. */
static size_t to_digits(uintmax_t v, char conv, char *end)
{
	const char *set = conv == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
	unsigned base = conv == 'o' ? 8 : conv == 'x' || conv == 'X' ? 16 : 10;
	char *p = end;

	do {
		*--p = set[v % base];
		v /= base;
	} while (v);
	return (size_t)(end - p);
}

static void format_int(struct out *o, const struct spec *s, uintmax_t v,
		       const char *prefix)
{
	char digits[sizeof(uintmax_t) * 3];	/* octal needs 22 for 64 bits */
	char *end = digits + sizeof(digits);
	/* C: "converting zero with an explicit precision of zero" gives no digits. */
	size_t n = s->has_prec && s->prec == 0 && v == 0 ? 0 : to_digits(v, s->conv, end);
	size_t zeros = s->has_prec && s->prec > n ? s->prec - n : 0;
	size_t body;

	/* '#' on octal raises the precision just enough for a leading 0. */
	if (s->conv == 'o' && s->alt && zeros == 0 && (n == 0 || v != 0))
		zeros = 1;
	body = strlen(prefix) + zeros + n;
	/* '0' fills the width with zeros after the sign, unless '-' or a precision. */
	if (s->zero && !s->left && !s->has_prec && s->width > body) {
		zeros += s->width - body;
		body = s->width;
	}
	pad(o, s, body, true);
	out_mem(o, prefix, strlen(prefix));
	out_repeat(o, '0', zeros);
	out_mem(o, end - n, n);
	pad(o, s, body, false);
}

static void format_signed(struct out *o, const struct spec *s, intmax_t v)
{
	/* 0 - (uintmax_t)v is the magnitude even for INTMAX_MIN, which -v is not. */
	uintmax_t mag = v < 0 ? 0 - (uintmax_t)v : (uintmax_t)v;

	format_int(o, s, mag, v < 0 ? "-" : s->plus ? "+" : s->space ? " " : "");
}

static void format_hex(struct out *o, const struct spec *s, uintmax_t v)
{
	const char *prefix = s->conv == 'X' ? "0X" : "0x";

	/* '#' adds "0x" only to a non-zero value. */
	format_int(o, s, v, s->alt && v ? prefix : "");
}

/* "0x" and every hex digit of the pointer; only width and '-' apply. */
static void format_pointer(struct out *o, const struct spec *s, const void *p)
{
	struct spec ps = {
		.left = s->left, .width = s->width, .conv = 'x',
		.has_prec = true, .prec = 2 * sizeof(void *),
	};

	format_int(o, &ps, (uintptr_t)p, "0x");
}

static void format_field(struct out *o, const struct spec *s, const char *text,
			 size_t n)
{
	pad(o, s, n, true);
	out_mem(o, text, n);
	pad(o, s, n, false);
}

static void format_string(struct out *o, const struct spec *s, const char *str)
{
	size_t n = 0;

	if (!str)
		str = "(null)";
	/* Stop at the precision without looking further: there may be no NUL. */
	while ((!s->has_prec || n < s->prec) && str[n] != '\0')
		n++;
	format_field(o, s, str, n);
}

/* The argument arrives as an int, by the default promotions. */
static void format_char(struct out *o, const struct spec *s, int arg)
{
	char c = (char)arg;

	format_field(o, s, &c, 1);
}

static void convert(struct out *o, struct spec *s, va_list *ap)
{
	if (!is_conversion(s->conv)) {
		out_mem(o, s->text, s->text_len);
		return;
	}
	if (s->conv == '%') {
		out_repeat(o, '%', 1);
		return;
	}
	fetch_stars(s, ap);
	switch (s->conv) {
	case 'd': case 'i': format_signed(o, s, get_signed(s->length, ap)); break;
	case 'u': case 'o': format_int(o, s, get_unsigned(s->length, ap), ""); break;
	case 'x': case 'X': format_hex(o, s, get_unsigned(s->length, ap)); break;
	case 'p': format_pointer(o, s, va_arg(*ap, void *)); break;
	case 's': format_string(o, s, va_arg(*ap, const char *)); break;
	case 'c': format_char(o, s, va_arg(*ap, int)); break;
	}
}

/* Copy the text up to the next '%' or the end; return where it stopped. */
static const char *copy_literal(struct out *o, const char *p)
{
	size_t n = 0;

	while (p[n] != '\0' && p[n] != '%')
		n++;
	out_mem(o, p, n);
	return p + n;
}

int vsformat(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct out o = { .buf = buf, .size = size };
	struct spec s;
	va_list args;

	/* Our own copy, so the helpers can share one position through a pointer. */
	va_copy(args, ap);
	while (*fmt != '\0') {
		fmt = copy_literal(&o, fmt);
		if (*fmt == '%') {
			fmt = parse_spec(fmt, &s);
			convert(&o, &s, &args);
		}
	}
	va_end(args);
	if (size)
		buf[o.len < size ? o.len : size - 1] = '\0';
	return o.len >= TOO_LONG ? -1 : (int)o.len;
}

int sformat(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsformat(buf, size, fmt, ap);
	va_end(ap);
	return n;
}
