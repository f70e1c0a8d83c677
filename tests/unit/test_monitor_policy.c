/*
 * test_monitor_policy.c - the monitor's pure parts: its words and
 * numbers, its rules and which one a write matches, the answer a verdict
 * becomes, and an event as a sentence and as JSON.
 * Shows: every rule form and its refusals, ranges at their edges (writes
 * that straddle a range's ends), first-match order, the default verdict,
 * numbers at their limits, names that could break a JSON string.
 * Cannot show: the ring, the hypercalls, or what Warden does with an
 * answer (the boot tests tests/boot/monitor-*).
 */
#include <stdint.h>

#include "guest/monitor/event_text.h"
#include "guest/monitor/policy.h"
#include "guest/monitor/words.h"
#include "tests/unit/unit.h"

static struct word w(const char *s)
{
	return (struct word){ s, strlen(s) };
}

struct number_case {
	const char *text;
	bool ok32, ok64;
	uint64_t value;
};

static const struct number_case numbers[] = {
	{ "0", true, true, 0 },
	{ "42", true, true, 42 },
	{ "0x10", true, true, 16 },
	{ "0XfF", true, true, 255 },
	{ "4294967295", true, true, 0xffffffffu },
	{ "0xffffffff", true, true, 0xffffffffu },
	{ "4294967296", false, true, 0x100000000ull },
	{ "18446744073709551615", false, true, UINT64_MAX },
	{ "0xffffffffffffffff", false, true, UINT64_MAX },
	{ "18446744073709551616", false, false, 0 },
	{ "0x10000000000000000", false, false, 0 },
	{ "", false, false, 0 },
	{ "0x", false, false, 0 },
	{ "12a", false, false, 0 },
	{ "-1", false, false, 0 },
	{ "0xg", false, false, 0 },
	{ "1 ", false, false, 0 },
};

static void test_numbers(void)
{
	for (unsigned i = 0; i < sizeof(numbers) / sizeof(numbers[0]); i++) {
		const struct number_case *c = &numbers[i];
		uint32_t n32 = 7;
		uint64_t n64 = 7;

		printf("  number \"%s\"\n", c->text);
		CHECK_EQ(word_u32(w(c->text), &n32), c->ok32);
		CHECK_EQ(word_u64(w(c->text), &n64), c->ok64);
		if (c->ok32)
			CHECK_EQ(n32, c->value);
		if (c->ok64)
			CHECK_EQ(n64, c->value);
	}
}

static void test_words(void)
{
	const char *line = "  monitor rule=a:b  x= =y  ";
	struct word a, v, head, tail;
	char buf[8];

	CHECK(word_next(&line, &a) && word_is(a, "monitor"));
	CHECK(word_next(&line, &a) && word_value(a, "rule", &v) && word_is(v, "a:b"));
	CHECK(word_split(v, ':', &head, &tail) && word_is(head, "a") && word_is(tail, "b"));
	CHECK(!word_split(head, ':', &head, &tail) && word_is(head, "a") && tail.len == 0);
	CHECK(word_next(&line, &a) && word_value(a, "x", &v) && v.len == 0);
	CHECK(word_next(&line, &a) && !word_value(a, "x", &v) && word_value(a, "", &v));
	CHECK(!word_next(&line, &a));
	CHECK(!word_is(w("rule"), "rules") && !word_is(w("rules"), "rule"));
	CHECK(word_copy(w("1234567"), buf, sizeof(buf)) && strcmp(buf, "1234567") == 0);
	CHECK(!word_copy(w("12345678"), buf, sizeof(buf)) && buf[0] == '\0');
}

static void test_addresses(void)
{
	bool virtual = false;
	uint32_t addr = 0;

	CHECK(word_address(w("v0xc0001000"), &virtual, &addr) && virtual && addr == 0xc0001000);
	CHECK(word_address(w("4096"), &virtual, &addr) && !virtual && addr == 4096);
	CHECK(!word_address(w("v"), &virtual, &addr));
	CHECK(!word_address(w("vv1"), &virtual, &addr));
	CHECK(!word_address(w("V1"), &virtual, &addr));
	CHECK(!word_address(w("v0x100000000"), &virtual, &addr));
}

struct rule_case {
	const char *text;
	const char *canonical;		/* rule_format's; NULL: refused */
};

static const struct rule_case rules[] = {
	{ "2:0x1000-0x1fff:w:allow", "2:0x1000-0x1fff:w:allow" },
	{ "kernel:v0xc0001000-0xc0001003:w:deny", "kernel:v0xc0001000-0xc0001003:w:deny" },
	{ "kernel:v0xc0001000-v0xc0001003:w:deny", "kernel:v0xc0001000-0xc0001003:w:deny" },
	{ "*:16-31:w:deny-fault", "*:0x10-0x1f:w:deny-fault" },
	{ "a.b_c-d:5-5:w:value=0x41414141", "a.b_c-d:0x5-0x5:w:value=0x41414141" },
	{ "3:0-0xffffffff:w:value=18446744073709551615",
	  "3:0x0-0xffffffff:w:value=0xffffffffffffffff" },
	{ "3:0-0:w:remove", "3:0x0-0x0:w:remove" },
	{ "3:1-0:w:allow", NULL },			/* ends before it starts */
	{ "3:0-0x1ffffffff:w:allow", NULL },		/* past 32 bits */
	{ "3:0-v5:w:allow", NULL },			/* mixed kinds */
	{ "3:0x10:w:allow", NULL },			/* no end */
	{ "3:0-1:r:allow", NULL },			/* only writes */
	{ "3:0-1:w:maybe", NULL },
	{ "3:0-1:w:value=", NULL },
	{ "3:0-1:w:value=x", NULL },
	{ "3:0-1:w", NULL },
	{ "3:0-1", NULL },
	{ "", NULL },
	{ ":0-1:w:allow", NULL },			/* no domain */
	{ "a\"b:0-1:w:allow", NULL },			/* not a name */
	{ "32752:0-1:w:allow", NULL },			/* DOMID_FIRST_RESERVED */
	{ "0123456789012345678901234567890123:0-1:w:allow", NULL },
	{ "averyveryveryverylongdomainname1:0-1:w:allow", NULL },
};

static void test_rules(void)
{
	for (unsigned i = 0; i < sizeof(rules) / sizeof(rules[0]); i++) {
		const struct rule_case *c = &rules[i];
		struct policy p;
		char text[128];
		const char *why;

		policy_init(&p);
		why = policy_add(&p, w(c->text));
		printf("  rule \"%s\": %s\n", c->text, why ? why : "ok");
		CHECK_EQ(why == NULL, c->canonical != NULL);
		CHECK_EQ(p.count, c->canonical != NULL);
		if (!c->canonical || !p.count)
			continue;
		rule_format(text, sizeof(text), &p.rules[0]);
		CHECK_STR(text, c->canonical);
	}
}

static void test_too_many_rules(void)
{
	struct policy p;

	policy_init(&p);
	for (unsigned i = 0; i < POLICY_RULES_MAX; i++)
		CHECK(policy_add(&p, w("1:0-1:w:allow")) == NULL);
	CHECK(policy_add(&p, w("1:0-1:w:allow")) != NULL);
	CHECK_EQ(p.count, POLICY_RULES_MAX);
}

/* A request of size bytes at gva (gpa = gva - 0xc0000000) by domain 2. */
static struct watch_request write_at(uint32_t gva, uint8_t size)
{
	return (struct watch_request){ .seq = 9, .domid = 2, .gva = gva,
				       .gpa = gva - 0xc0000000u, .access = WATCH_WRITE,
				       .size = size };
}

struct match_case {
	uint32_t gva;
	uint8_t size;
	uint16_t domid;
	const char *name;
	int rule;			/* -1: the default */
};

static const char *const policy_rules[] = {
	"kernel:v0xc0001000-0xc0001fff:w:allow",	/* 0 */
	"3:0x1000-0x1fff:w:deny",			/* 1: physical, domain 3 */
	"2:0x2000-0x2003:w:deny-fault",			/* 2: physical */
	"*:v0xc0002000-0xc0002fff:w:value=7",		/* 3: shadowed by 2 at its start */
};

static const struct match_case matches[] = {
	{ 0xc0001000, 4, 2, "kernel", 0 },
	{ 0xc0001ffc, 4, 2, "kernel", 0 },
	{ 0xc0001ffd, 4, 2, "kernel", 0 },	/* straddles the end */
	{ 0xc0000ffd, 4, 2, "kernel", 0 },	/* straddles the start */
	{ 0xc0000ffc, 4, 2, "kernel", -1 },	/* just below */
	{ 0xc0002000, 1, 2, "kernel", 2 },	/* first match wins */
	{ 0xc0002003, 2, 2, "kernel", 2 },
	{ 0xc0002004, 4, 2, "kernel", 3 },
	{ 0xc0001000, 4, 2, "other", -1 },	/* by name: not this one */
	{ 0xc0001000, 4, 3, "kernel", 0 },
	{ 0xc0001800, 4, 3, "x", 1 },		/* by id, physical */
	{ 0xc0002000, 4, 3, "x", 3 },		/* 2 is domain 2's */
	{ 0xc0003000, 8, 2, "kernel", -1 },
	{ 0xffffffff, 8, 2, "kernel", -1 },	/* runs past 4 GiB */
};

static void test_match(void)
{
	struct policy p;

	policy_init(&p);
	for (unsigned i = 0; i < sizeof(policy_rules) / sizeof(policy_rules[0]); i++)
		CHECK(policy_add(&p, w(policy_rules[i])) == NULL);
	for (unsigned i = 0; i < sizeof(matches) / sizeof(matches[0]); i++) {
		const struct match_case *c = &matches[i];
		struct watch_request req = write_at(c->gva, c->size);

		req.domid = c->domid;
		printf("  write of %u at 0x%x by %u (%s)\n", c->size, c->gva, c->domid, c->name);
		CHECK_EQ(policy_match(&p, &req, c->name), c->rule);
	}
}

static void test_default(void)
{
	struct policy p;
	struct watch_request req = write_at(0xc0005000, 4);

	policy_init(&p);
	CHECK_EQ(policy_decide(&p, &req, "kernel").kind, VERDICT_DENY);
	CHECK(verdict_parse(w("allow"), &p.fallback) == NULL);
	CHECK_EQ(policy_decide(&p, &req, "kernel").kind, VERDICT_ALLOW);
	CHECK(policy_add(&p, w("*:v0xc0005000-0xc0005000:w:value=0x99")) == NULL);
	CHECK_EQ(policy_decide(&p, &req, "kernel").kind, VERDICT_VALUE);
	CHECK_EQ(policy_decide(&p, &req, "kernel").value, 0x99);
}

struct response_case {
	const char *verdict;
	uint8_t code, flags;
	uint64_t value;
};

static const struct response_case responses[] = {
	{ "allow", WATCH_ALLOW, 0, 0 },
	{ "deny", WATCH_DENY, 0, 0 },
	{ "deny-fault", WATCH_DENY, WATCH_DENY_FAULT, 0 },
	{ "value=0x1122334455667788", WATCH_WRITE_VALUE, 0, 0x1122334455667788ull },
	{ "remove", WATCH_ALLOW_REMOVE, 0, 0 },
};

static void test_responses(void)
{
	for (unsigned i = 0; i < sizeof(responses) / sizeof(responses[0]); i++) {
		const struct response_case *c = &responses[i];
		struct verdict v;
		struct watch_response r;

		CHECK(verdict_parse(w(c->verdict), &v) == NULL);
		r = verdict_response(v, 77);
		CHECK_EQ(r.seq, 77);
		CHECK_EQ(r.verdict, c->code);
		CHECK_EQ(r.flags, c->flags);
		CHECK_EQ(r.value, c->value);
	}
}

static void test_values(void)
{
	CHECK_EQ(event_value(0x1122334455667788ull, 1), 0x88);
	CHECK_EQ(event_value(0x1122334455667788ull, 2), 0x7788);
	CHECK_EQ(event_value(0x1122334455667788ull, 4), 0x55667788);
	CHECK_EQ(event_value(0x1122334455667788ull, 8), 0x1122334455667788ull);
	CHECK_EQ(event_value(0x1122334455667788ull, 9), 0x1122334455667788ull);
	CHECK_EQ(event_value(0x1122334455667788ull, 0), 0x1122334455667788ull);
}

static struct watch_request example(void)
{
	struct watch_request req = write_at(0xc0010040, 4);

	req.seq = 12;
	req.eip = 0xc0001234;
	req.old_value = 0xffffffffc0003000ull;	/* only 4 bytes mean anything */
	req.new_value = 0x41414141;
	req.time_ns = 81234567;
	return req;
}

static void test_event_line(void)
{
	struct watch_request req = example();
	struct verdict deny = { VERDICT_DENY, 0 }, value = { VERDICT_VALUE, 0x5a };
	char buf[EVENT_TEXT_MAX];

	event_line(buf, sizeof(buf), &req, "kernel", deny);
	CHECK_STR(buf, "event 12: dom 2 (kernel) eip 0xc0001234 wrote 4 bytes at 0xc0010040 "
		  "(gpa 0x10040): 0xc0003000 -> 0x41414141: deny");
	req.size = 1;
	event_line(buf, sizeof(buf), &req, "kernel", value);
	CHECK_STR(buf, "event 12: dom 2 (kernel) eip 0xc0001234 wrote 1 byte at 0xc0010040 "
		  "(gpa 0x10040): 0x0 -> 0x41: value=0x5a");
}

static void test_event_json(void)
{
	struct watch_request req = example();
	struct verdict deny = { VERDICT_DENY_FAULT, 0 }, value = { VERDICT_VALUE, 0x5a };
	char buf[EVENT_TEXT_MAX];

	event_json(buf, sizeof(buf), &req, "kernel", deny);
	CHECK_STR(buf, "{\"seq\":12,\"dom\":2,\"name\":\"kernel\",\"vcpu\":0,\"time_ns\":81234567,"
		  "\"gva\":\"0xc0010040\","
		  "\"gpa\":\"0x10040\",\"eip\":\"0xc0001234\",\"access\":\"w\",\"size\":4,"
		  "\"old\":\"0xc0003000\",\"new\":\"0x41414141\",\"verdict\":\"deny-fault\"}");
	req.access = 7;
	event_json(buf, sizeof(buf), &req, "a\"b\\c\nd", value);
	CHECK_STR(buf, "{\"seq\":12,\"dom\":2,\"name\":\"a?b?c?d\",\"vcpu\":0,\"time_ns\":81234567,"
		  "\"gva\":\"0xc0010040\","
		  "\"gpa\":\"0x10040\",\"eip\":\"0xc0001234\",\"access\":\"?\",\"size\":4,"
		  "\"old\":\"0xc0003000\",\"new\":\"0x41414141\",\"verdict\":\"value\","
		  "\"value\":\"0x5a\"}");
}

/* The longest event still fits its buffer whole. */
static void test_event_fits(void)
{
	struct watch_request req = example();
	struct verdict value = { VERDICT_VALUE, UINT64_MAX };
	char buf[EVENT_TEXT_MAX];

	req.seq = UINT32_MAX;
	req.domid = UINT16_MAX;
	req.vcpu = UINT16_MAX;
	req.gva = req.gpa = req.eip = UINT32_MAX;
	req.size = 8;
	req.old_value = req.new_value = req.time_ns = UINT64_MAX;
	CHECK(event_json(buf, sizeof(buf), &req, "0123456789012345678901234567890", value) <
	      (int)sizeof(buf) - 1);
	CHECK(event_line(buf, sizeof(buf), &req, "0123456789012345678901234567890", value) <
	      (int)sizeof(buf));
}

int main(void)
{
	UNIT_CASE(test_numbers);
	UNIT_CASE(test_words);
	UNIT_CASE(test_addresses);
	UNIT_CASE(test_rules);
	UNIT_CASE(test_too_many_rules);
	UNIT_CASE(test_match);
	UNIT_CASE(test_default);
	UNIT_CASE(test_responses);
	UNIT_CASE(test_values);
	UNIT_CASE(test_event_line);
	UNIT_CASE(test_event_json);
	UNIT_CASE(test_event_fits);
	return unit_finish();
}
