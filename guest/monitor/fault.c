/*
 * fault.c - applying an experiment's faults (fault.h).
 *
 * The decisions are inject.c's; this file holds the one injector, does
 * the part that needs a hypercall (corrupting memory), and tells the
 * console.  Everything it does depends only on the requests, in order,
 * and the seed: under QEMU's -icount the same spec gives the same run.
 */
#include "guest/monitor/fault.h"
#include "guest/lib/console.h"
#include "guest/lib/hypercall.h"
#include "guest/lib/watch_calls.h"
#include "guest/monitor/event_text.h"
#include "guest/monitor/inject.h"
#include "guest/monitor/spec.h"
#include "lib/format.h"

static bool active;
static struct injector injector;
static char model_text[SPEC_TEXT_MAX];
static uint8_t corrupt_bytes[SPEC_CORRUPT_MAX];

const char *fault_setup(struct word text)
{
	struct spec s;
	const char *why = spec_parse(text, &s);

	if (why)
		return why;
	injector_init(&injector, &s);
	spec_model_format(model_text, sizeof(model_text), &s);
	active = true;
	return 0;
}

void fault_print(void)
{
	char text[SPEC_TEXT_MAX];

	if (!active)
		return;
	spec_format(text, sizeof(text), &injector.spec);
	printk("monitor: experiment inject=%s\n", text);
}

/* corrupt=ADDR+LEN: random bytes into the writer's memory. */
static void corrupt(const struct watch_request *req)
{
	const struct spec *s = &injector.spec;
	struct warden_memory_op op = { req->domid,
				       s->virtual ? WATCH_ADDR_VIRTUAL : WATCH_ADDR_PHYSICAL,
				       s->addr, HC_PTR(corrupt_bytes), s->len };
	long rc;

	injector_fill(&injector, corrupt_bytes, s->len);
	rc = watch_call_monitor(MONITOR_OP_write_memory, HC_PTR(&op));
	if (rc < 0)
		printk("monitor: the corrupt fault was refused: error %ld\n", rc);
}

/* One console line a fault: what was written, and what happens now. */
static void tell(const struct watch_request *req, struct verdict v, bool applies)
{
	unsigned long long written = event_value(req->new_value, req->size);
	char now[64];

	if (v.kind == VERDICT_DENY)
		sformat(now, sizeof(now), "0x%llx dropped", written);
	else if (v.kind == VERDICT_VALUE)
		sformat(now, sizeof(now), "0x%llx -> 0x%llx", written,
			(unsigned long long)v.value);
	else
		sformat(now, sizeof(now), "0x%llx written%s", written,
			applies ? "" : " (the bit is past the write: no change)");
	printk("monitor: fault %u at event %u (hit %u of the target, watch %u, %llu ns): %s: %s\n",
	       injector.faults, req->seq, injector.hits, req->watch_id,
	       (unsigned long long)req->time_ns, model_text, now);
}

bool fault_decide(const struct watch_request *req, struct verdict *v, const char **model)
{
	bool applies;

	if (!active || !injector_fires(&injector, req))
		return false;
	*v = injector_verdict(&injector, req, &applies);
	if (injector.spec.model == MODEL_CORRUPT)
		corrupt(req);
	tell(req, *v, applies);
	*model = model_text;
	return true;
}
