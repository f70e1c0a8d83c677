/*
 * watch_lib.h - what the watch test guests share (mon-test, watch-writer,
 * watch-idle): reading words off our command line, and the names of the
 * verdicts, which the test monitor answers and a writer expects.  Not a
 * guest itself (no main.c).
 *
 * A command line is words separated by spaces; `key=value` words carry
 * numbers (decimal, or hexadecimal after 0x) or names.  A word this file
 * cannot read fails the test at once: a typo in a test.conf must not
 * quietly become a default.
 */
#ifndef TESTS_GUEST_WATCH_LIB_H
#define TESTS_GUEST_WATCH_LIB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "guest/lib/backend.h"
#include "guest/lib/test.h"
#include "include/public/warden.h"
#include "lib/string.h"

/* Whether s starts with prefix (never reading s past its end). */
static inline bool opt_starts(const char *s, const char *prefix)
{
	while (*prefix && *s == *prefix)
		s++, prefix++;
	return *prefix == '\0';
}

/* Whether the name at s (up to a space or the end) is name. */
static inline bool opt_is(const char *s, const char *name)
{
	size_t n = strlen(name);

	return opt_starts(s, name) && (s[n] == ' ' || !s[n]);
}

/* The word of our command line that is `word`, or (with value) starts
 * `word=`: what follows the '='; NULL if there is none. */
static inline const char *opt_find(const char *word, bool value)
{
	size_t n = strlen(word);

	for (const char *s = backend_cmdline(); *s; ) {
		while (*s == ' ')
			s++;
		if (value ? opt_starts(s, word) && s[n] == '=' : opt_is(s, word))
			return s + n + (value ? 1 : 0);
		while (*s && *s != ' ')
			s++;
	}
	return 0;
}

static inline bool opt_has(const char *word)
{
	return opt_find(word, false) != 0;
}

/* The number at s up to a space or the end; the test ends if it is not
 * one. */
static inline uint64_t opt_number(const char *s)
{
	unsigned base = s[0] == '0' && s[1] == 'x' ? 16 : 10;
	uint64_t n = 0;

	s += base == 16 ? 2 : 0;
	if (!*s || *s == ' ')
		test_fatal("a number is missing on the command line");
	for (; *s && *s != ' '; s++) {
		unsigned d = *s >= '0' && *s <= '9' ? (unsigned)(*s - '0') :
			     *s >= 'a' && *s <= 'f' ? (unsigned)(*s - 'a' + 10) : 99;

		if (d >= base || n > (UINT64_MAX - d) / base)
			test_fatal("not a number on the command line: '%s'", s);
		n = n * base + d;
	}
	return n;
}

/* The number of key=N, or dflt if the word is not there. */
static inline uint32_t opt_u32(const char *key, uint32_t dflt)
{
	const char *v = opt_find(key, true);
	uint64_t n = v ? opt_number(v) : dflt;

	if (n > UINT32_MAX)
		test_fatal("%s=%llu is too large", key, (unsigned long long)n);
	return (uint32_t)n;
}

/*
 * Verdict words.  The monitor answers with one (verdict=...), a writer
 * expects one (expect=...):
 *
 *   allow, deny, deny-fault, value=N, remove   Warden's verdicts
 *   parity        allow an even new value, deny an odd one: a mix that
 *                 both sides can tell apart write by write
 *   any           (expect only) allowed or denied, whichever came
 *   allow-then-deny (expect only) allowed until the first denial, denied
 *                 from then on: a monitor that answers, then is gone
 */
enum rule {
	RULE_ALLOW, RULE_DENY, RULE_DENY_FAULT, RULE_VALUE, RULE_REMOVE,
	RULE_PARITY, RULE_ANY, RULE_ALLOW_THEN_DENY,
};

struct verdict_rule {
	enum rule rule;
	uint64_t value;			/* RULE_VALUE's N */
};

/* The rule of key=RULE on our command line (dflt if the word is absent). */
static inline struct verdict_rule opt_rule(const char *key, enum rule dflt)
{
	static const char *const names[] = {
		"allow", "deny", "deny-fault", "value", "remove", "parity",
		"any", "allow-then-deny",
	};
	const char *v = opt_find(key, true);

	if (!v)
		return (struct verdict_rule){ dflt, 0 };
	if (opt_starts(v, "value="))
		return (struct verdict_rule){ RULE_VALUE, opt_number(v + 6) };
	for (unsigned r = 0; r < sizeof(names) / sizeof(names[0]); r++)
		if (r != RULE_VALUE && opt_is(v, names[r]))
			return (struct verdict_rule){ (enum rule)r, 0 };
	test_fatal("%s=: unknown verdict word", key);
}

#endif
