/*
 * test_format.c - vsformat checked against the host's snprintf.
 *
 * What it shows: for every conversion, flag, width, precision and length
 * modifier Warden supports, sformat produces the same text and the same
 * return value as the host C library, both in hand-picked extreme cases and
 * in a generated sweep over all their combinations; truncation keeps the
 * return value and writes nothing past the buffer; and the places where
 * Warden deliberately differs (%p, %s of NULL, unknown conversions, lengths
 * beyond INT_MAX) behave as lib/format.h documents.
 *
 * What it cannot show: that the host's snprintf is right (it is glibc's, and
 * glibc is the reference), nor that the i686 build divides 64-bit values
 * correctly, unless this test is also built and run for i686.
 */
#include <limits.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "lib/format.h"
#include "tests/unit/unit.h"

static char got[1024], want[1024];

/*
 * Format the arguments with both sformat and the host's vsnprintf and
 * compare.  It has no format attribute on purpose: the cases include flag
 * combinations that compilers warn about but C defines ('-' with '0').
 */
static void same(const char *fmt, ...)
{
	va_list a, b;
	int n_got, n_want;

	va_start(a, fmt);
	va_copy(b, a);
	n_got = vsformat(got, sizeof(got), fmt, a);
	n_want = vsnprintf(want, sizeof(want), fmt, b);
	va_end(b);
	va_end(a);
	if (n_got != n_want || memcmp(got, want, sizeof(got)) != 0)
		printf("  format \"%s\":\n", fmt);
	CHECK_EQ(n_got, n_want);
	CHECK_STR(got, want);
	/* Also the bytes after a %c of '\0', which CHECK_STR cannot see. */
	CHECK(memcmp(got, want, sizeof(got)) == 0);
}

/*
 * sformat without its format attribute, for formats the compiler would
 * rightly reject (unknown conversions, '0' on %p, widths past INT_MAX) but
 * that sformat must still handle safely.
 */
static int unchecked(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsformat(buf, size, fmt, ap);
	va_end(ap);
	return n;
}

static void test_integers(void)
{
	same("%d %i %d %d", 0, 42, -42, INT_MAX);
	same("%d|%i", INT_MIN, INT_MIN);
	same("%u %u %u", 0u, 42u, UINT_MAX);
	same("%x %X %o", 0xdeadbeefu, 0xdeadbeefu, 0777u);
	same("%x %X %o", UINT_MAX, UINT_MAX, UINT_MAX);
	same("%lld %lld", LLONG_MIN, LLONG_MAX);
	same("%llu %llx %llX %llo", ULLONG_MAX, ULLONG_MAX, ULLONG_MAX, ULLONG_MAX);
	same("%llx %llu", 0x123456789abcdef0ull, 10000000000000000000ull);
	same("%ld %lu %lx", LONG_MIN, ULONG_MAX, ULONG_MAX);
	same("%jd %ju %jx", INTMAX_MIN, UINTMAX_MAX, UINTMAX_MAX);
	same("%zd %zu %zx", (ptrdiff_t)-5, SIZE_MAX, SIZE_MAX);
	same("%td %tu %tx", PTRDIFF_MIN, (size_t)PTRDIFF_MAX, (size_t)-1);
}

static void test_short_lengths(void)
{
	/* hh and h take an int and cut it to char or short. */
	same("%hhd %hhd %hhd %hhd", 127, 128, 255, 300);
	same("%hhu %hhx %hho %hhX", -1, 0x1ff, 0x1ff, 0xabc);
	same("%hd %hd %hd", 32767, 32768, 70000);
	same("%hu %hx %ho", -1, 0x12345, 0x12345);
	same("%hhd %hd", INT_MIN, INT_MIN);
}

static void test_flags(void)
{
	same("%-08x|", 42u);
	same("%+ d|% +d", 3, 3);
	same("%+d %+d %+d % d % d % d", 0, 5, -5, 0, 5, -5);
	same("%+u % u %+x % o", 5u, 5u, 5u, 5u);
	same("%#x %#X %#o", 0u, 0u, 0u);
	same("%#x %#X %#o %#llx", 255u, 255u, 8u, ULLONG_MAX);
	same("%08d|%08d|%+08d|% 08d", 42, -42, 42, 42);
	same("%#010x|%#010X|%#010o|%#-10x|", 42u, 42u, 42u, 42u);
	same("%-5d|%-5d|%-+5d|%- 5d|", 1, -1, 1, 1);
	same("%025lld|%-25lld|", LLONG_MIN, LLONG_MIN);
	/* Flags C leaves undefined for a conversion are ignored, as glibc does. */
	same("%#d %#u %#c %#s", 5, 5u, 'c', "s");
	same("%05c|%05s|%-05s|", 'c', "ab", "ab");
	same("%+c %+s % s", 'c', "s", "s");
}

static void test_width_precision(void)
{
	same("%.0d|%.0u|%.0x|%.0o|%5.0d|", 0, 0u, 0u, 0u, 0);
	same("%.d|%#.0x|%#.0o|%+.0d|% .0d|", 0, 0u, 0u, 0, 0);
	same("%#5.0o|%#5.0x|%-#5.0o|", 0u, 0u, 0u);
	same("%.5d|%.5d|%8.5d|%-8.5d|%08.5d|", 42, -42, 42, -42, 42);
	same("%.3o|%#.3o|%#.2o|%#.4x", 8u, 8u, 8u, 255u);
	same("%.30lld|%40.30lld|", LLONG_MIN, LLONG_MIN);
	same("%.500d", 1);
	same("%500d|%-500x|", -1, 1u);
	same("%.3c|%5.0c|", 'x', 'y');
	same("%.3s|%.0s|%.10s|%8.3s|%-8.3s|", "hello", "hello", "hi", "hello", "hello");
	same("%c|%3c|%-3c|", '\0', 'a', 'b');
}

static void test_star(void)
{
	same("%*d|%-*d|%*d|", 5, 42, 5, 42, -5, 42);
	same("%.*d|%.*d|%.*d|", 4, 42, 0, 0, -1, 0);
	same("%*.*d|%-*.*x|", 8, 4, -42, -8, 4, 42u);
	same("%0*d|%0*.*d|%0*.*d|", 6, -1, 6, -1, -1, 6, 2, -1);
	same("%*s|%.*s|%*.*s|", -6, "ab", 3, "abcdef", 6, -3, "abcdef");
	same("%*c|%-*c|", 3, 'z', -3, 'z');
	same("%lld%*lld", 1ll, 30, LLONG_MIN);
}

static void test_percent_and_text(void)
{
	same("100%% sure");
	same("%%%d%%", 7);
	same("no conversions at all");
	same("");
	same("%s and %s", "one", "two");
}

/* The sweep's length modifiers and values; same_value() indexes lengths[]. */
static const char *const lengths[] = { "hh", "h", "", "l", "ll", "z", "t", "j" };

static const unsigned long long values[] = {
	0, 1, 7, 8, 42, 127, 128, 255, 256, 32767, 32768, 65535, 65536,
	INT_MAX, (unsigned long long)INT_MIN, UINT_MAX, 0x123456789abcdef0ull,
	LLONG_MAX, (unsigned long long)LLONG_MIN, ULLONG_MAX,
};

/* Pass v, cut to the type that length and conversion name, to both formatters. */
static void same_value(const char *fmt, size_t len, char conv,
		       unsigned long long v)
{
	int is_signed = conv == 'd' || conv == 'i';

	switch (len) {
	case 0: case 1: same(fmt, (int)v); break;
	case 2: is_signed ? same(fmt, (int)v) : same(fmt, (unsigned)v); break;
	case 3: is_signed ? same(fmt, (long)v) : same(fmt, (unsigned long)v); break;
	case 4: is_signed ? same(fmt, (long long)v) : same(fmt, v); break;
	case 5: is_signed ? same(fmt, (ptrdiff_t)v) : same(fmt, (size_t)v); break;
	case 6: is_signed ? same(fmt, (ptrdiff_t)v) : same(fmt, (size_t)v); break;
	case 7: is_signed ? same(fmt, (intmax_t)v) : same(fmt, (uintmax_t)v); break;
	}
}

/* Every value at every length, then characters and strings, for one spec. */
static void sweep_spec(const char *spec)
{
	static const char *const strings[] = {
		"", "a", "hello, world", "abcdefghijklmnopqrstuvwxyz0123",
	};
	static const char chars[] = { 'A', ' ', '~' };
	const char *conv;
	char fmt[64];
	size_t l, v;

	for (conv = "diuxXo"; *conv; conv++) {
		for (l = 0; l < sizeof(lengths) / sizeof(lengths[0]); l++) {
			snprintf(fmt, sizeof(fmt), "[%s%s%c]", spec, lengths[l], *conv);
			for (v = 0; v < sizeof(values) / sizeof(values[0]); v++)
				same_value(fmt, l, *conv, values[v]);
		}
	}
	snprintf(fmt, sizeof(fmt), "[%sc]", spec);
	for (v = 0; v < sizeof(chars); v++)
		same(fmt, chars[v]);
	snprintf(fmt, sizeof(fmt), "[%ss]", spec);
	for (v = 0; v < sizeof(strings) / sizeof(strings[0]); v++)
		same(fmt, strings[v]);
}

/* All 32 sets of flags, with every width and precision below. */
static void test_sweep(void)
{
	static const char flag_chars[] = "-0+ #";
	static const char *const widths[] = { "", "1", "7", "24" };
	static const char *const precs[] = { "", ".", ".0", ".1", ".5", ".24" };
	char flags[8], spec[32];
	unsigned set, bit, w, p;

	for (set = 0; set < 32; set++) {
		char *f = flags;

		for (bit = 0; bit < 5; bit++)
			if (set & (1u << bit))
				*f++ = flag_chars[bit];
		*f = '\0';
		for (w = 0; w < sizeof(widths) / sizeof(widths[0]); w++) {
			for (p = 0; p < sizeof(precs) / sizeof(precs[0]); p++) {
				snprintf(spec, sizeof(spec), "%%%s%s%s", flags,
					 widths[w], precs[p]);
				sweep_spec(spec);
			}
		}
	}
}

/* '*' widths and precisions of both signs, for each kind of conversion. */
static void test_star_sweep(void)
{
	static const char *const fmts[] = {
		"[%*.*d]", "[%-*.*i]", "[%0*.*x]", "[%#*.*o]", "[%+*.*d]", "[%*.*c]",
	};
	size_t f;
	int w, p;

	for (f = 0; f < sizeof(fmts) / sizeof(fmts[0]); f++)
		for (w = -12; w <= 12; w += 3)
			for (p = -3; p <= 12; p++)
				same(fmts[f], w, p, f == 5 ? 'q' : -1234);
	for (w = -12; w <= 12; w += 3)
		for (p = -3; p <= 12; p++)
			same("[%*.*s]", w, p, "truncated");
}

/* Every size around the full length: same return, same prefix, nothing past it. */
static void test_truncation(void)
{
	const char *full = "abc=-12345|    ff";
	char buf[32];
	size_t size, stored;
	int n;

	for (size = 0; size <= 20; size++) {
		memset(buf, '#', sizeof(buf));
		n = sformat(buf, size, "%s=%d|%6x", "abc", -12345, 255u);
		CHECK_EQ(n, 17);
		CHECK_EQ(snprintf(want, size, "%s=%d|%6x", "abc", -12345, 255u), 17);
		stored = size == 0 ? 0 : size - 1 < 17 ? size - 1 : 17;
		CHECK(memcmp(buf, full, stored) == 0);
		if (size > 0) {
			CHECK_EQ(buf[stored], '\0');
			CHECK_STR(buf, want);
		}
		CHECK_EQ(buf[size > 0 ? stored + 1 : 0], '#');
	}
}

static void test_truncation_cases(void)
{
	char buf[8];

	memset(buf, '#', sizeof(buf));
	CHECK_EQ(sformat(buf, 0, "%d", 123), 3);
	CHECK_EQ(buf[0], '#');
	CHECK_EQ(sformat(NULL, 0, "%s%d", "hello", 42), 7);
	CHECK_EQ(sformat(buf, 1, "%d", 123), 3);
	CHECK_STR(buf, "");
	CHECK_EQ(sformat(buf, 4, "%d", 123), 3);	/* exactly fits */
	CHECK_STR(buf, "123");
	CHECK_EQ(sformat(buf, 3, "%d", 123), 3);	/* one short */
	CHECK_STR(buf, "12");
	CHECK_EQ(sformat(buf, 5, "%-8d|", 1), 9);	/* cut inside padding */
	CHECK_STR(buf, "1   ");
	CHECK_EQ(sformat(buf, 5, "%.20d", 7), 20);	/* cut inside zeros */
	CHECK_STR(buf, "0000");
	CHECK_EQ(sformat(buf, 5, "%#x", 0xabcu), 5);	/* cut inside digits */
	CHECK_STR(buf, "0xab");
	CHECK_EQ(buf[5], '#');
}

/* Padding is counted, not written, and a length beyond INT_MAX is -1. */
static void test_huge_lengths(void)
{
	char buf[8];

	CHECK_EQ(unchecked(buf, sizeof(buf), "%2147483647d", 1), INT_MAX);
	CHECK_STR(buf, "       ");
	CHECK_EQ(unchecked(buf, sizeof(buf), "%2147483646d|", 1), INT_MAX);
	CHECK_EQ(unchecked(buf, sizeof(buf), "%2147483647d|", 1), -1);
	/* Widths that would wrap a 32- or 64-bit size_t to 5 if not saturated. */
	CHECK_EQ(unchecked(buf, sizeof(buf), "%4294967301d", 1), -1);
	CHECK_EQ(unchecked(buf, sizeof(buf), "%18446744073709551621d", 1), -1);
	CHECK_EQ(unchecked(buf, sizeof(buf), "%.18446744073709551621d", 1), -1);
	CHECK_EQ(unchecked(buf, sizeof(buf), "%*d", INT_MIN, 1), -1);
	CHECK_STR(buf, "1      ");
	CHECK_EQ(unchecked(buf, sizeof(buf), "%.*d", INT_MAX, 1), INT_MAX);
	CHECK_STR(buf, "0000000");
	/* Three fields of 2^31 - 1 would wrap a 32-bit count; ours saturates. */
	CHECK_EQ(unchecked(buf, sizeof(buf), "%*d%*d%*d",
			   INT_MAX, 1, INT_MAX, 2, INT_MAX, 3), -1);
	CHECK_EQ(unchecked(buf, sizeof(buf), "%.2147483647s", "ab"), 2);
}

/* %p is "0x" and 2 * sizeof(void *) hex digits; only width and '-' apply. */
static void test_pointer(void)
{
	int wide = sizeof(void *) == 8;

	CHECK_EQ(sformat(got, sizeof(got), "%p", (void *)0x1234), wide ? 18 : 10);
	CHECK_STR(got, wide ? "0x0000000000001234" : "0x00001234");
	sformat(got, sizeof(got), "%p", NULL);
	CHECK_STR(got, wide ? "0x0000000000000000" : "0x00000000");
	sformat(got, sizeof(got), "%p", (void *)UINTPTR_MAX);
	CHECK_STR(got, wide ? "0xffffffffffffffff" : "0xffffffff");
	sformat(got, sizeof(got), "[%22p][%-22p]", (void *)0xabc, (void *)0xabc);
	CHECK_STR(got, wide ? "[    0x0000000000000abc][0x0000000000000abc    ]"
			    : "[            0x00000abc][0x00000abc            ]");
	sformat(got, sizeof(got), "[%*p]", -12, (void *)0xabc);
	CHECK_STR(got, wide ? "[0x0000000000000abc]" : "[0x00000abc  ]");
}

/* Flags and precision are ignored on %p. */
static void test_pointer_flags(void)
{
	static const char *const fmts[] = {
		"%+p", "% p", "%#p", "%.3p", "%.30p", "%0p", "%lp", "%hhp",
	};
	size_t i;

	for (i = 0; i < sizeof(fmts) / sizeof(fmts[0]); i++) {
		unchecked(got, sizeof(got), fmts[i], (void *)0xabc);
		unchecked(want, sizeof(want), "%p", (void *)0xabc);
		CHECK_STR(got, want);
	}
	unchecked(got, sizeof(got), "%020p", (void *)0xabc);
	unchecked(want, sizeof(want), "%20p", (void *)0xabc);
	CHECK_STR(got, want);
}

/* Literal expectations for the cases where Warden differs from glibc. */
static const struct {
	const char *fmt;
	const char *want;
} literal_cases[] = {
	/* %s of NULL is "(null)", cut by the precision like any string. */
	{ "%s", "(null)" },
	{ "[%8s]", "[  (null)]" },
	{ "[%-8s]", "[(null)  ]" },
	{ "%.3s", "(nu" },
	{ "%.0s|", "|" },
	/* An unknown conversion is printed from '%' to it, taking no argument. */
	{ "%k", "%k" },
	{ "a%kb", "a%kb" },
	{ "%-5k", "%-5k" },
	{ "%*.*k", "%*.*k" },
	{ "%n", "%n" },
	{ "%f", "%f" },
	{ "%Lf", "%Lf" },
	{ "%hld", "%hld" },
	{ "%lll", "%lll" },
	{ "%5.-3d", "%5.-3d" },
	{ "%", "%" },
	/* C leaves flags on %% undefined; like glibc, they are ignored. */
	{ "%5%|%-05%", "%|%" },
	{ "abc%", "abc%" },
	{ "%-08", "%-08" },
	{ "%hh", "%hh" },
	/* The argument stays for the next conversion. */
	{ "%k%d", "%k1234" },
	{ "%*k%s", "%*k(null)" },
};

static void test_literal_cases(void)
{
	size_t i;
	int n;

	for (i = 0; i < sizeof(literal_cases) / sizeof(literal_cases[0]); i++) {
		/* The one argument serves %s as NULL and %d as 1234, never both. */
		if (strstr(literal_cases[i].fmt, "d"))
			n = unchecked(got, sizeof(got), literal_cases[i].fmt, 1234);
		else
			n = unchecked(got, sizeof(got), literal_cases[i].fmt,
				      (char *)NULL);
		CHECK_STR(got, literal_cases[i].want);
		CHECK_EQ(n, (int)strlen(literal_cases[i].want));
	}
}

int main(void)
{
	UNIT_CASE(test_integers);
	UNIT_CASE(test_short_lengths);
	UNIT_CASE(test_flags);
	UNIT_CASE(test_width_precision);
	UNIT_CASE(test_star);
	UNIT_CASE(test_percent_and_text);
	UNIT_CASE(test_sweep);
	UNIT_CASE(test_star_sweep);
	UNIT_CASE(test_truncation);
	UNIT_CASE(test_truncation_cases);
	UNIT_CASE(test_huge_lengths);
	UNIT_CASE(test_pointer);
	UNIT_CASE(test_pointer_flags);
	UNIT_CASE(test_literal_cases);
	return unit_finish();
}
