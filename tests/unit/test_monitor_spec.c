/*
 * test_monitor_spec.c - an experiment's spec, its triggers and its fault
 * models (guest/monitor/spec.c, inject.c).
 * Shows: every field of the spec in its forms and its refusals, each
 * naming the bad field; specs written back as they are read; nth, window
 * and chance triggers counting only their target's hits; a chance of 0
 * and 1, and about the asked share between; the same seed drawing the
 * same numbers; each model's verdict, a flip past the write's size.
 * Cannot show: the faults reaching a guest (tests/boot/experiment-*,
 * tests/tools/campaign.sh).
 */
#include <stdint.h>

#include "guest/monitor/inject.h"
#include "guest/monitor/spec.h"
#include "tests/unit/unit.h"

static struct word w(const char *s)
{
	return (struct word){ s, strlen(s) };
}

struct spec_case {
	const char *text;
	const char *error;		/* the start of the refusal; NULL: ok */
	const char *back;		/* spec_format of it */
};

static const struct spec_case cases[] = {
	{ "1:flip=3:nth=5", 0, "1:flip=3:nth=5:seed=1" },
	{ "*:stuck1=0x80000000:window=10-20", 0, "*:stuck1=0x80000000:window=10-20:seed=1" },
	{ "3:drop:p=0.25:seed=42", 0, "3:drop:p=0.250000000:seed=42" },
	{ "2:corrupt=v0xc0105000+16:nth=1:seed=7", 0, "2:corrupt=v0xc0105000+16:nth=1:seed=7" },
	{ "2:corrupt=0x1000+4096:nth=1", 0, "2:corrupt=0x1000+4096:nth=1:seed=1" },
	{ "4:value=0x1234:p=1", 0, "4:value=0x1234:p=1:seed=1" },
	{ "4:stuck0=1:p=0", 0, "4:stuck0=0x1:p=0.000000000:seed=1" },
	{ "1:flip=63:p=0.000000001", 0, "1:flip=63:p=0.000000001:seed=1" },
	{ "1:flip=0:time=50000000-60000000", 0, "1:flip=0:time=50000000-60000000:seed=1" },
	{ "*:drop:time=0-18446744073709551615", 0,
	  "*:drop:time=0-18446744073709551615:seed=1" },
	{ "", "a spec is", 0 },
	{ "1:flip=3", "a spec is", 0 },
	{ "0:flip=3:nth=1", "the TARGET", 0 },
	{ "x:flip=3:nth=1", "the TARGET", 0 },
	{ "1:flip=64:nth=1", "the MODEL flip", 0 },
	{ "1:flip=x:nth=1", "the MODEL's argument", 0 },
	{ "1:burn:nth=1", "the MODEL is not", 0 },
	{ "1:corrupt=0x1000:nth=1", "the MODEL corrupt", 0 },
	{ "1:corrupt=0x1000+0:nth=1", "the MODEL corrupt's LEN", 0 },
	{ "1:corrupt=0x1000+4097:nth=1", "the MODEL corrupt's LEN", 0 },
	{ "1:drop:nth=0", "the TRIGGER nth", 0 },
	{ "1:drop:window=5-4", "the TRIGGER window", 0 },
	{ "1:drop:window=0-4", "the TRIGGER window", 0 },
	{ "1:drop:time=9-8", "the TRIGGER time", 0 },
	{ "1:drop:time=5", "the TRIGGER time", 0 },
	{ "1:drop:time=x-9", "the TRIGGER time", 0 },
	{ "1:drop:p=0.5x", "the TRIGGER p", 0 },
	{ "1:drop:p=1.5", "the TRIGGER p", 0 },
	{ "1:drop:p=0.1234567890", "the TRIGGER p", 0 },
	{ "1:drop:p=0.", "the TRIGGER p", 0 },
	{ "1:drop:soon", "the TRIGGER is not", 0 },
	{ "1:drop:nth=1:seed=", "the seed", 0 },
	{ "1:drop:nth=1:sed=4", "the seed", 0 },
	{ "1:drop:nth=1:seed=4:more", "the spec has more", 0 },
};

static void test_parse(void)
{
	char back[SPEC_TEXT_MAX];
	struct spec s;

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const char *why = spec_parse(w(cases[i].text), &s);

		if (cases[i].error) {
			CHECK(why && strncmp(why, cases[i].error, strlen(cases[i].error)) == 0);
			if (!why || strncmp(why, cases[i].error, strlen(cases[i].error)))
				printf("  case \"%s\": %s\n", cases[i].text, why ? why : "accepted");
			continue;
		}
		CHECK_STR(why, NULL);
		spec_format(back, sizeof(back), &s);
		CHECK_STR(back, cases[i].back);
	}
}

static struct watch_request request(uint32_t watch, uint8_t size, uint64_t value)
{
	struct watch_request r = { .watch_id = watch, .size = size, .new_value = value };

	return r;
}

static struct injector injector_for(const char *text)
{
	struct injector inj;
	struct spec s;

	CHECK_STR(spec_parse(w(text), &s), NULL);
	injector_init(&inj, &s);
	return inj;
}

static void test_nth_counts_only_the_target(void)
{
	struct injector inj = injector_for("2:drop:nth=3");
	struct watch_request other = request(1, 4, 0), target = request(2, 4, 0);
	int fired_at = 0;

	for (int i = 1; i <= 6; i++) {
		CHECK(!injector_fires(&inj, &other));
		if (injector_fires(&inj, &target))
			fired_at = fired_at ? -1 : i;
	}
	CHECK_EQ(fired_at, 3);
	CHECK_EQ(inj.hits, 6);
	CHECK_EQ(inj.faults, 1);
}

static void test_window(void)
{
	struct injector inj = injector_for("*:drop:window=2-4");
	struct watch_request r = request(7, 4, 0);
	unsigned mask = 0;

	for (int i = 1; i <= 6; i++)
		mask |= (unsigned)injector_fires(&inj, &r) << i;
	CHECK_EQ(mask, 0x1c);
}

/* time=A-B: the hits whose event time is in [A, B], whatever their number. */
static void test_time_window(void)
{
	struct injector inj = injector_for("*:drop:time=2000-4000");
	struct watch_request r = request(7, 4, 0);
	unsigned mask = 0;

	for (int i = 1; i <= 6; i++) {
		r.time_ns = 1000ull * i;
		mask |= (unsigned)injector_fires(&inj, &r) << i;
	}
	CHECK_EQ(mask, 0x1c);
	CHECK_EQ(inj.hits, 6);
	CHECK_EQ(inj.faults, 3);
}

static unsigned fires_in(const char *text, unsigned n)
{
	struct injector inj = injector_for(text);
	struct watch_request r = request(1, 4, 0);
	unsigned count = 0;

	for (unsigned i = 0; i < n; i++)
		count += injector_fires(&inj, &r);
	return count;
}

static void test_chance(void)
{
	unsigned quarter = fires_in("1:drop:p=0.25:seed=42", 10000);

	CHECK_EQ(fires_in("1:drop:p=0", 1000), 0);
	CHECK_EQ(fires_in("1:drop:p=1", 1000), 1000);
	CHECK(quarter > 2300 && quarter < 2700);
	CHECK_EQ(fires_in("1:drop:p=0.25:seed=42", 10000), quarter);
	CHECK(fires_in("1:drop:p=0.25:seed=43", 10000) != quarter);
}

static void test_xorshift(void)
{
	uint32_t state = 1;

	/* Marsaglia's xorshift32 (13, 17, 5) from 1 */
	CHECK_EQ(xorshift32(&state), 270369u);
	CHECK_EQ(xorshift32(&state), 67634689u);
	CHECK(state != 0);
}

struct model_case {
	const char *text;
	uint8_t size;
	uint64_t written;
	enum verdict_kind kind;
	uint64_t value;
	bool applies;
};

static const struct model_case models[] = {
	{ "1:flip=0:nth=1", 4, 0x10, VERDICT_VALUE, 0x11, true },
	{ "1:flip=31:nth=1", 4, 0x1, VERDICT_VALUE, 0x80000001, true },
	{ "1:flip=8:nth=1", 1, 0x1, VERDICT_ALLOW, 0, false },
	{ "1:flip=63:nth=1", 8, 0, VERDICT_VALUE, 1ull << 63, true },
	{ "1:stuck0=0xff:nth=1", 4, 0x12345678, VERDICT_VALUE, 0x12345600, true },
	{ "1:stuck1=0xff00:nth=1", 1, 0x01, VERDICT_VALUE, 0x01, true },
	{ "1:stuck1=0xf0:nth=1", 4, 0x01, VERDICT_VALUE, 0xf1, true },
	{ "1:drop:nth=1", 4, 0x01, VERDICT_DENY, 0, true },
	{ "1:value=0x5a:nth=1", 4, 0x01, VERDICT_VALUE, 0x5a, true },
	{ "1:corrupt=0x1000+8:nth=1", 4, 0x01, VERDICT_ALLOW, 0, true },
};

static void test_models(void)
{
	for (size_t i = 0; i < sizeof(models) / sizeof(models[0]); i++) {
		const struct model_case *c = &models[i];
		struct injector inj = injector_for(c->text);
		struct watch_request r = request(1, c->size, c->written);
		bool applies;
		struct verdict v = injector_verdict(&inj, &r, &applies);

		CHECK_EQ(v.kind, c->kind);
		CHECK_EQ(v.value, c->value);
		CHECK_EQ(applies, c->applies);
	}
}

static void test_fill_follows_the_seed(void)
{
	struct injector a = injector_for("1:corrupt=0x0+16:nth=1:seed=9");
	struct injector b = injector_for("1:corrupt=0x0+16:nth=1:seed=9");
	uint8_t x[16], y[16];

	injector_fill(&a, x, sizeof(x));
	injector_fill(&b, y, sizeof(y));
	CHECK(memcmp(x, y, sizeof(x)) == 0);
	injector_fill(&b, y, sizeof(y));
	CHECK(memcmp(x, y, sizeof(x)) != 0);
}

int main(void)
{
	UNIT_CASE(test_parse);
	UNIT_CASE(test_nth_counts_only_the_target);
	UNIT_CASE(test_window);
	UNIT_CASE(test_time_window);
	UNIT_CASE(test_chance);
	UNIT_CASE(test_xorshift);
	UNIT_CASE(test_models);
	UNIT_CASE(test_fill_follows_the_seed);
	return unit_finish();
}
