/*
 * event_text.c - formatting a watch event (event_text.h).
 */
#include "guest/monitor/event_text.h"
#include "lib/format.h"

uint64_t event_value(uint64_t v, uint8_t size)
{
	return size == 0 || size >= 8 ? v : v & ((1ull << (size * 8)) - 1);
}

int event_line(char *buf, size_t size, const struct watch_request *req,
	       const char *name, struct verdict v)
{
	char verdict[32];

	verdict_format(verdict, sizeof(verdict), v);
	return sformat(buf, size, "event %u: dom %u (%s) eip 0x%x wrote %u byte%s "
		       "at 0x%x (gpa 0x%x): 0x%llx -> 0x%llx: %s",
		       req->seq, req->domid, name, req->eip, req->size,
		       req->size == 1 ? "" : "s", req->gva, req->gpa,
		       (unsigned long long)event_value(req->old_value, req->size),
		       (unsigned long long)event_value(req->new_value, req->size), verdict);
}

/* name as a JSON string's contents: anything but a plain printable
 * character becomes '?', so no name can end the string early. */
static void json_safe(char *out, size_t size, const char *name)
{
	size_t i = 0;

	for (; name[i] && i + 1 < size; i++)
		out[i] = name[i] >= ' ' && name[i] <= '~' && name[i] != '"' &&
			 name[i] != '\\' ? name[i] : '?';
	out[i] = '\0';
}

static const char *access_name(uint8_t access)
{
	return access == WATCH_WRITE ? "w" : access == WATCH_EXEC ? "x" : "?";
}

int event_json(char *buf, size_t size, const struct watch_request *req,
	       const char *name, struct verdict v)
{
	char safe[DOM_NAME_MAX], value[32] = "";

	json_safe(safe, sizeof(safe), name);
	if (v.kind == VERDICT_VALUE)
		sformat(value, sizeof(value), ",\"value\":\"0x%llx\"",
			(unsigned long long)v.value);
	return sformat(buf, size, "{\"seq\":%u,\"dom\":%u,\"name\":\"%s\",\"vcpu\":%u,"
		       "\"time_ns\":%llu,\"gva\":\"0x%x\",\"gpa\":\"0x%x\",\"eip\":\"0x%x\",\"access\":\"%s\","
		       "\"size\":%u,\"old\":\"0x%llx\",\"new\":\"0x%llx\",\"verdict\":\"%s\"%s}",
		       req->seq, req->domid, safe, req->vcpu, (unsigned long long)req->time_ns,
		       req->gva, req->gpa, req->eip, access_name(req->access), req->size,
		       (unsigned long long)event_value(req->old_value, req->size),
		       (unsigned long long)event_value(req->new_value, req->size),
		       verdict_name(v.kind), value);
}
