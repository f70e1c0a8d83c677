/*
 * watch_event.h - watch events, the monitor's ring, and verdicts.
 */
#ifndef CORE_WATCH_EVENT_H
#define CORE_WATCH_EVENT_H

#include <stdint.h>
#include "arch/x86_32/x86emu/x86emu.h"
#include "core/domain.h"
#include "include/public/warden.h"

/* v's access (WATCH_WRITE of len bytes, or WATCH_EXEC) hit watch
 * `watch_id`: pause v and ask the monitor. */
void watch_event_raise(struct vcpu *v, uint8_t access, uint32_t watch_id,
		       uint32_t gva, uint32_t gpa, uint32_t len,
		       const uint8_t *bytes, const struct x86_insn *insn);

/* A write to a watched page missed every watched range. */
void watch_event_near_miss(struct vcpu *v);

/* The monitor registered its ring. */
long watch_event_ring_register(struct vcpu *monitor,
			       const struct warden_ring_register *r);

/* The monitor says its responses are on the ring. */
void watch_event_take_responses(void);

/* On each tick: events the monitor did not answer in time. */
void watch_event_tick(uint64_t now_ns);

/* v's domain ended: its event, if any, is answered by nobody. */
void watch_event_vcpu_gone(struct vcpu *v);

/* The monitor ended: every waiting event gets the default verdict. */
void watch_event_monitor_gone(void);

/* The default verdict and timeout, from Warden's command line. */
void watch_event_configure(const char *cmdline);

extern struct warden_watch_stats watch_stats;

#endif
