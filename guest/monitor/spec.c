/*
 * spec.c - reading and writing an experiment's spec (spec.h).
 *
 * Each field has its own parser, which returns NULL or a sentence that
 * starts with the field's name, so a wrong spec says which part is wrong.
 */
#include "guest/monitor/spec.h"
#include "lib/format.h"
#include "lib/string.h"

#define ALWAYS		(1ull << 32)	/* a threshold no 32-bit draw reaches */
#define P_DIGITS_MAX	9		/* 10^9 < 2^32: no overflow below */

static const char *const model_names[MODEL_KINDS] = {
	[MODEL_FLIP] = "flip", [MODEL_STUCK0] = "stuck0", [MODEL_STUCK1] = "stuck1",
	[MODEL_DROP] = "drop", [MODEL_VALUE] = "value", [MODEL_CORRUPT] = "corrupt",
};

static const char *target_parse(struct word w, struct spec *s)
{
	s->any_watch = word_is(w, "*");
	if (s->any_watch)
		return 0;
	return word_u32(w, &s->watch) && s->watch > 0 ? 0 :
	       "the TARGET is not a watch id (1, 2, ...) or *";
}

/* "ADDR+LEN", ADDR maybe v-prefixed, LEN 1 to SPEC_CORRUPT_MAX. */
static const char *range_parse(struct word w, struct spec *s)
{
	struct word addr, len;

	if (!word_split(w, '+', &addr, &len) || !word_address(addr, &s->virtual, &s->addr) ||
	    !word_u32(len, &s->len))
		return "the MODEL corrupt is corrupt=ADDR+LEN";
	if (s->len == 0 || s->len > SPEC_CORRUPT_MAX)
		return "the MODEL corrupt's LEN is not 1 to 4096";
	return 0;
}

static const char *model_parse(struct word w, struct spec *s)
{
	struct word arg;

	if (word_is(w, "drop")) {
		s->model = MODEL_DROP;
		return 0;
	}
	if (word_value(w, "corrupt", &arg)) {
		s->model = MODEL_CORRUPT;
		return range_parse(arg, s);
	}
	for (unsigned m = 0; m < MODEL_KINDS; m++) {
		if (m == MODEL_DROP || m == MODEL_CORRUPT || !word_value(w, model_names[m], &arg))
			continue;
		s->model = (enum fault_model)m;
		if (!word_u64(arg, &s->arg))
			return "the MODEL's argument is not a number";
		return m == MODEL_FLIP && s->arg >= 64 ? "the MODEL flip's bit is not 0 to 63" : 0;
	}
	return "the MODEL is not flip=K, stuck0=MASK, stuck1=MASK, drop, value=N "
	       "or corrupt=ADDR+LEN";
}

/* "0", "1" or "0.DDD" (up to 9 digits) as a threshold out of 2^32. */
static bool chance_parse(struct word w, uint64_t *threshold)
{
	struct word whole, frac;
	uint32_t num, scale = 1;

	if (word_is(w, "1") || word_is(w, "0")) {
		*threshold = word_is(w, "1") ? ALWAYS : 0;
		return true;
	}
	if (!word_split(w, '.', &whole, &frac) || !word_is(whole, "0") ||
	    frac.len == 0 || frac.len > P_DIGITS_MAX || frac.s[0] == 'x' ||
	    !word_u32(frac, &num))
		return false;
	for (size_t i = 0; i < frac.len; i++)
		scale *= 10;
	*threshold = ((uint64_t)num << 32) / scale;
	return true;
}

static const char *trigger_parse(struct word w, struct spec *s)
{
	struct word arg, a, b;

	if (word_value(w, "nth", &arg)) {
		s->trigger = TRIGGER_HITS;
		if (!word_u32(arg, &s->first) || s->first == 0)
			return "the TRIGGER nth=N needs N of 1 or more";
		s->last = s->first;
		return 0;
	}
	if (word_value(w, "window", &arg)) {
		s->trigger = TRIGGER_HITS;
		if (!word_split(arg, '-', &a, &b) || !word_u32(a, &s->first) ||
		    !word_u32(b, &s->last) || s->first == 0 || s->first > s->last)
			return "the TRIGGER window=A-B needs 1 <= A <= B";
		return 0;
	}
	if (word_value(w, "time", &arg)) {
		s->trigger = TRIGGER_TIME;
		if (!word_split(arg, '-', &a, &b) || !word_u64(a, &s->from) ||
		    !word_u64(b, &s->until) || s->from > s->until)
			return "the TRIGGER time=A-B needs A <= B (nanoseconds)";
		return 0;
	}
	if (word_value(w, "p", &arg)) {
		s->trigger = TRIGGER_CHANCE;
		return chance_parse(arg, &s->threshold) ? 0 :
		       "the TRIGGER p=P needs P of 0, 1 or 0.DDD (up to 9 digits)";
	}
	return "the TRIGGER is not nth=N, window=A-B, p=P or time=A-B";
}

static const char *seed_parse(struct word w, struct spec *s)
{
	struct word arg, more;

	if (word_split(w, ':', &w, &more))
		return "the spec has more than four fields (TARGET:MODEL:TRIGGER:seed=S)";
	return word_value(w, "seed", &arg) && word_u32(arg, &s->seed) ? 0 :
	       "the seed is not seed=S (a 32-bit number)";
}

const char *spec_parse(struct word text, struct spec *s)
{
	struct word target, model, trigger, rest;
	const char *why;
	bool seeded;

	memset(s, 0, sizeof(*s));
	s->seed = 1;
	if (!word_split(text, ':', &target, &rest) || !word_split(rest, ':', &model, &rest))
		return "a spec is TARGET:MODEL:TRIGGER[:seed=S]";
	seeded = word_split(rest, ':', &trigger, &rest);

	if ((why = target_parse(target, s)) || (why = model_parse(model, s)) ||
	    (why = trigger_parse(trigger, s)))
		return why;
	return seeded ? seed_parse(rest, s) : 0;
}

int spec_model_format(char *buf, size_t size, const struct spec *s)
{
	const char *name = s->model < MODEL_KINDS ? model_names[s->model] : "?";

	if (s->model == MODEL_DROP)
		return sformat(buf, size, "drop");
	if (s->model == MODEL_CORRUPT)
		return sformat(buf, size, "corrupt=%s0x%x+%u", s->virtual ? "v" : "",
			       s->addr, s->len);
	if (s->model == MODEL_FLIP)
		return sformat(buf, size, "flip=%u", (unsigned)s->arg);
	return sformat(buf, size, "%s=0x%llx", name, (unsigned long long)s->arg);
}

static int trigger_format(char *buf, size_t size, const struct spec *s)
{
	/* p in billionths, rounded: what was typed, for up to 9 digits */
	if (s->trigger == TRIGGER_CHANCE && s->threshold >= ALWAYS)
		return sformat(buf, size, "p=1");
	if (s->trigger == TRIGGER_CHANCE)
		return sformat(buf, size, "p=0.%09u",
			       (unsigned)((s->threshold * 1000000000ull + (1ull << 31)) >> 32));
	if (s->trigger == TRIGGER_TIME)
		return sformat(buf, size, "time=%llu-%llu", (unsigned long long)s->from,
			       (unsigned long long)s->until);
	if (s->first == s->last)
		return sformat(buf, size, "nth=%u", s->first);
	return sformat(buf, size, "window=%u-%u", s->first, s->last);
}

int spec_format(char *buf, size_t size, const struct spec *s)
{
	char target[16], model[48], trigger[48];

	if (s->any_watch)
		sformat(target, sizeof(target), "*");
	else
		sformat(target, sizeof(target), "%u", s->watch);
	spec_model_format(model, sizeof(model), s);
	trigger_format(trigger, sizeof(trigger), s);
	return sformat(buf, size, "%s:%s:%s:seed=%u", target, model, trigger, s->seed);
}
