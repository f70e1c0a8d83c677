/*
 * watch_calls.c - Warden's watch and monitor hypercalls (watch_calls.h).
 */
#include "guest/lib/watch_calls.h"
#include "guest/lib/hypercall.h"

static long watch_op(uint32_t cmd, void *arg)
{
	return hypercall2(__HYPERVISOR_warden_watch_op, cmd, HC_PTR(arg));
}

long watch_call_add(uint16_t domid, uint8_t addr_kind, uint32_t addr, uint32_t len)
{
	struct warden_watch w = { domid, WATCH_WRITE, addr_kind, addr, len, 0 };

	return watch_op(WATCH_OP_add, &w);
}

long watch_call_add_self(const volatile void *p, uint32_t len)
{
	return watch_call_add(DOMID_SELF, WATCH_ADDR_VIRTUAL, HC_PTR(p), len);
}

long watch_call_del(uint16_t domid, uint32_t id)
{
	struct warden_watch w = { domid, WATCH_WRITE, WATCH_ADDR_PHYSICAL, 0, 0, id };

	return watch_op(WATCH_OP_del, &w);
}

long watch_call_list(uint16_t domid, struct warden_watch *out, uint16_t max)
{
	struct warden_watch_list l = { domid, max, 0, HC_PTR(out) };
	long rc = watch_op(WATCH_OP_list, &l);

	return rc < 0 ? rc : (long)l.count;
}

long watch_call_monitor(uint32_t cmd, uint32_t arg)
{
	return hypercall2(__HYPERVISOR_warden_monitor_op, cmd, arg);
}

long watch_call_stats(struct warden_watch_stats *s)
{
	return watch_call_monitor(MONITOR_OP_stats, HC_PTR(s));
}
