/*
 * test_cmdline.c - key=value lookup on command lines as QEMU and GRUB
 * pass them.  Shows: lookup, last-wins, skipping of non-option words,
 * refusal of values that do not fit.  Cannot show: what a loader passes.
 */
#include "lib/cmdline.h"
#include "tests/unit/unit.h"

struct case_ {
	const char *line, *key;
	bool found;
	const char *value;
};

static const struct case_ cases[] = {
	{ "", "a", false, "" },
	{ "build/warden.elf a=1", "a", true, "1" },
	{ "a=1 a=2", "a", true, "2" },
	{ "ab=1", "a", false, "" },
	{ "a", "a", false, "" },
	{ "a=", "a", true, "" },
	{ "  x=1   a=hello  ", "a", true, "hello" },
	{ "selftest=pagefault", "selftest", true, "pagefault" },
	{ "a=1 b=2", "b", true, "2" },
	{ "a=0123456789abcdef", "a", false, "" },	/* too long for 16 */
};

static void test_table(void)
{
	for (unsigned i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char v[16] = "junk";

		CHECK_EQ(cmdline_get(cases[i].line, cases[i].key, v, sizeof(v)),
			 cases[i].found);
		CHECK_STR(v, cases[i].value);
	}
}

static void test_exact_fit(void)
{
	char v[4];

	CHECK(cmdline_get("k=abc", "k", v, sizeof(v)));
	CHECK_STR(v, "abc");
	CHECK(!cmdline_get("k=abcd", "k", v, sizeof(v)));
	CHECK_STR(v, "");
}

static void test_has(void)
{
	CHECK(cmdline_has("path monitor stay", "monitor"));
	CHECK(cmdline_has("monitor", "monitor"));
	CHECK(!cmdline_has("monitors", "monitor"));
	CHECK(!cmdline_has("monitor=1", "monitor"));
	CHECK(!cmdline_has("", "monitor"));
	CHECK(!cmdline_has("mon", "monitor"));
}

int main(void)
{
	UNIT_CASE(test_table);
	UNIT_CASE(test_exact_fit);
	UNIT_CASE(test_has);
	return unit_finish();
}
