/*
 * event_text.h - a watch event as people and programs read it.
 *
 * The console gets one sentence an event:
 *
 *   event 12: dom 2 (kernel) eip 0xc0001234 wrote 4 bytes at 0xc0010040
 *   (gpa 0x10040): 0xc0003000 -> 0x41414141: deny
 *
 * (one line), and COM2 gets one JSON object a line, for programs:
 *
 *   {"seq":12,"dom":2,"name":"kernel","vcpu":0,"time_ns":81234567,
 *    "gva":"0xc0010040","gpa":"0x10040","eip":"0xc0001234","access":"w","size":4,
 *    "old":"0xc0003000","new":"0x41414141","verdict":"deny"}
 *
 * Addresses and values are strings of hexadecimal, because a JSON number
 * is a double and loses the low bits of a 64-bit value; a value=N verdict
 * adds "value".  Only size bytes of old and new mean anything, so only
 * those are shown.  time_ns is Warden's system time at the write (in a
 * run under -icount shift=0, the instructions executed so far); access
 * is "w" for a write, "x" for a fetch.  Pure formatting, unit-tested on the host.
 */
#ifndef MONITOR_EVENT_TEXT_H
#define MONITOR_EVENT_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include "guest/monitor/policy.h"
#include "include/public/warden.h"

#define EVENT_TEXT_MAX	320

/* The low size bytes of v (size 1 to 8; more is taken as 8). */
uint64_t event_value(uint64_t v, uint8_t size);

/* The sentence and the JSON object, without a newline; their lengths
 * (sformat's: cut to fit size). */
int event_line(char *buf, size_t size, const struct watch_request *req,
	       const char *name, struct verdict v);
int event_json(char *buf, size_t size, const struct watch_request *req,
	       const char *name, struct verdict v);

#endif
