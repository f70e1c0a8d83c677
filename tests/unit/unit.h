/*
 * unit.h - the harness for Warden's host unit tests.
 *
 * A unit test is a host program that links a piece of Warden's pure logic
 * (no hardware, no globals it cannot reset) and checks it case by case:
 *
 *     static void test_empty_map(void) { CHECK_EQ(count(), 0); }
 *     int main(void) { UNIT_CASE(test_empty_map); return unit_finish(); }
 *
 * Each case prints exactly one line, "ok unit/<file>/<case>" or
 * "FAIL unit/<file>/<case>", preceded by one line per failed check.  The test
 * runner (tools/run-tests.sh) counts those lines; the exit status is non-zero
 * if any case failed, so a broken test binary cannot pass by printing nothing.
 */
#ifndef TESTS_UNIT_UNIT_H
#define TESTS_UNIT_UNIT_H

#include <stdio.h>
#include <string.h>

static int unit_case_failures;  /* failed checks in the running case */
static int unit_cases_failed;   /* failed cases in this binary */
static int unit_cases_run;

#define CHECK(cond)                                                        \
	do {                                                               \
		if (!(cond)) {                                             \
			printf("  %s:%d: CHECK(%s) failed\n", __FILE__,    \
			       __LINE__, #cond);                           \
			unit_case_failures++;                              \
		}                                                          \
	} while (0)

/* Compare two integers and show both values when they differ. */
#define CHECK_EQ(actual, expected)                                         \
	do {                                                               \
		long long a_ = (long long)(actual);                        \
		long long e_ = (long long)(expected);                      \
		if (a_ != e_) {                                            \
			printf("  %s:%d: %s is %lld (0x%llx), expected %lld (0x%llx)\n", \
			       __FILE__, __LINE__, #actual, a_,            \
			       (unsigned long long)a_, e_,                 \
			       (unsigned long long)e_);                    \
			unit_case_failures++;                              \
		}                                                          \
	} while (0)

/* Compare two C strings; either may be NULL. */
#define CHECK_STR(actual, expected)                                        \
	do {                                                               \
		const char *a_ = (actual), *e_ = (expected);               \
		if (!a_ || !e_ ? a_ != e_ : strcmp(a_, e_) != 0) {         \
			printf("  %s:%d: %s is \"%s\", expected \"%s\"\n", \
			       __FILE__, __LINE__, #actual,                \
			       a_ ? a_ : "(null)", e_ ? e_ : "(null)");    \
			unit_case_failures++;                              \
		}                                                          \
	} while (0)

static const char *unit_name(const char *file)
{
	const char *slash = strrchr(file, '/');
	return slash ? slash + 1 : file;
}

static void unit_run_case(const char *file, const char *name, void (*fn)(void))
{
	char base[64];
	size_t len;

	snprintf(base, sizeof(base), "%s", unit_name(file));
	len = strlen(base);
	if (len > 2 && strcmp(base + len - 2, ".c") == 0)
		base[len - 2] = '\0';
	unit_case_failures = 0;
	fn();
	unit_cases_run++;
	if (unit_case_failures) {
		unit_cases_failed++;
		printf("FAIL unit/%s/%s\n", base, name);
	} else {
		printf("ok unit/%s/%s\n", base, name);
	}
	fflush(stdout);
}

#define UNIT_CASE(fn) unit_run_case(__FILE__, #fn, fn)

static int unit_finish(void)
{
	if (unit_cases_run == 0) {
		printf("FAIL unit: no case ran\n");
		return 1;
	}
	return unit_cases_failed ? 1 : 0;
}

#endif
