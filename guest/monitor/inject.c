/*
 * inject.c - triggers and fault models (inject.h).
 */
#include "guest/monitor/inject.h"
#include "guest/monitor/event_text.h"
#include "lib/string.h"

#define SEED_FOR_ZERO	0x9e3779b9u	/* xorshift's state must not be 0 */

uint32_t xorshift32(uint32_t *state)
{
	uint32_t x = *state;

	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	*state = x;
	return x;
}

void injector_init(struct injector *inj, const struct spec *spec)
{
	memset(inj, 0, sizeof(*inj));
	inj->spec = *spec;
	inj->rng = spec->seed ? spec->seed : SEED_FOR_ZERO;
}

bool injector_fires(struct injector *inj, const struct watch_request *req)
{
	const struct spec *s = &inj->spec;
	bool fire;

	if (!s->any_watch && req->watch_id != s->watch)
		return false;
	inj->hits++;
	if (s->trigger == TRIGGER_CHANCE)
		fire = xorshift32(&inj->rng) < s->threshold;	/* a draw every hit */
	else if (s->trigger == TRIGGER_TIME)
		fire = req->time_ns >= s->from && req->time_ns <= s->until;
	else
		fire = inj->hits >= s->first && inj->hits <= s->last;
	inj->faults += fire;
	return fire;
}

/* The value a write-changing model writes instead of v (size bytes). */
static uint64_t changed(const struct spec *s, uint64_t v, uint8_t size)
{
	switch (s->model) {
	case MODEL_FLIP:
		return v ^ (1ull << s->arg);
	case MODEL_STUCK0:
		return event_value(v & ~s->arg, size);
	case MODEL_STUCK1:
		return event_value(v | s->arg, size);
	default:
		return s->arg;		/* MODEL_VALUE */
	}
}

struct verdict injector_verdict(const struct injector *inj, const struct watch_request *req,
				bool *applies)
{
	const struct spec *s = &inj->spec;
	uint8_t size = req->size ? req->size : 1;
	uint64_t v = event_value(req->new_value, size);

	*applies = true;
	if (s->model == MODEL_DROP)
		return (struct verdict){ VERDICT_DENY, 0 };
	if (s->model == MODEL_CORRUPT)
		return (struct verdict){ VERDICT_ALLOW, 0 };
	*applies = !(s->model == MODEL_FLIP && size < 8 && s->arg >= size * 8u);
	if (!*applies)
		return (struct verdict){ VERDICT_ALLOW, 0 };
	return (struct verdict){ VERDICT_VALUE, changed(s, v, size) };
}

void injector_fill(struct injector *inj, uint8_t *buf, uint32_t len)
{
	for (uint32_t i = 0; i < len; i++)
		buf[i] = (uint8_t)xorshift32(&inj->rng);
}
