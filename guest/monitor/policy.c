/*
 * policy.c - parsing rules and finding the one a write matches (policy.h).
 */
#include "guest/monitor/policy.h"
#include "lib/format.h"
#include "lib/string.h"

static const char *const verdict_names[VERDICT_KINDS] = {
	[VERDICT_ALLOW] = "allow",
	[VERDICT_DENY] = "deny",
	[VERDICT_DENY_FAULT] = "deny-fault",
	[VERDICT_VALUE] = "value",
	[VERDICT_REMOVE] = "remove",
};

void policy_init(struct policy *p)
{
	memset(p, 0, sizeof(*p));
	p->fallback.kind = VERDICT_DENY;
}

const char *verdict_name(enum verdict_kind kind)
{
	return kind < VERDICT_KINDS ? verdict_names[kind] : "?";
}

const char *verdict_parse(struct word w, struct verdict *v)
{
	struct word n;

	v->value = 0;
	if (word_value(w, "value", &n)) {
		v->kind = VERDICT_VALUE;
		return word_u64(n, &v->value) ? 0 : "value=N needs a number";
	}
	for (unsigned k = 0; k < VERDICT_KINDS; k++) {
		if (k != VERDICT_VALUE && word_is(w, verdict_names[k])) {
			v->kind = (enum verdict_kind)k;
			return 0;
		}
	}
	return "the verdict is not allow, deny, deny-fault, value=N or remove";
}

static bool name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
}

/* "*", an id, or a name of letters, digits and - _ . */
static const char *dom_ref_parse(struct word w, struct dom_ref *ref)
{
	uint32_t id;

	memset(ref, 0, sizeof(*ref));
	if (word_is(w, "*")) {
		ref->any = true;
		return 0;
	}
	if (word_u32(w, &id)) {
		ref->by_id = true;
		ref->id = (uint16_t)id;
		return id < DOMID_FIRST_RESERVED ? 0 : "the domain id is too large";
	}
	for (size_t i = 0; i < w.len; i++)
		if (!name_char(w.s[i]))
			return "a domain is an id, a name or *";
	return word_copy(w, ref->name, sizeof(ref->name)) && w.len ? 0 :
	       "the domain name is empty or too long";
}

bool dom_ref_matches(const struct dom_ref *ref, uint16_t id, const char *name)
{
	if (ref->any)
		return true;
	if (ref->by_id)
		return ref->id == id;
	return name && strcmp(ref->name, name) == 0;
}

/* "START-END", each maybe v-prefixed (the same way), START <= END. */
static const char *range_parse(struct word w, struct rule *r)
{
	struct word start, end;
	bool end_virtual;

	if (!word_split(w, '-', &start, &end) || !word_address(start, &r->virtual, &r->start))
		return "the range is not START-END";
	if (!word_address(end, &end_virtual, &r->end) || (end_virtual && !r->virtual))
		return "the range's end is not an address of the same kind";
	return r->start <= r->end ? 0 : "the range ends before it starts";
}

const char *policy_add(struct policy *p, struct word text)
{
	struct word dom, range, access, verdict, rest;
	struct rule r;
	const char *why;

	if (p->count == POLICY_RULES_MAX)
		return "too many rules";
	if (!word_split(text, ':', &dom, &rest) || !word_split(rest, ':', &range, &rest) ||
	    !word_split(rest, ':', &access, &verdict))
		return "a rule is DOM:START-END:ACCESS:VERDICT";
	memset(&r, 0, sizeof(r));
	if ((why = dom_ref_parse(dom, &r.dom)) || (why = range_parse(range, &r)))
		return why;
	if (!word_is(access, "w"))
		return "the access is not w (writes are what Warden catches)";
	r.access = WATCH_WRITE;
	if ((why = verdict_parse(verdict, &r.verdict)))
		return why;
	p->rules[p->count++] = r;
	return 0;
}

/* Whether the size bytes written at addr overlap [r->start, r->end]. */
static bool overlaps(const struct rule *r, uint32_t addr, uint8_t size)
{
	uint64_t last = (uint64_t)addr + (size ? size : 1) - 1;

	return addr <= r->end && last >= r->start;
}

int policy_match(const struct policy *p, const struct watch_request *req,
		 const char *name)
{
	for (unsigned i = 0; i < p->count; i++) {
		const struct rule *r = &p->rules[i];

		if (r->access == req->access &&
		    dom_ref_matches(&r->dom, req->domid, name) &&
		    overlaps(r, r->virtual ? req->gva : req->gpa, req->size))
			return (int)i;
	}
	return -1;
}

struct verdict policy_decide(const struct policy *p, const struct watch_request *req,
			     const char *name)
{
	int i = policy_match(p, req, name);

	return i < 0 ? p->fallback : p->rules[i].verdict;
}

int verdict_format(char *buf, size_t size, struct verdict v)
{
	if (v.kind == VERDICT_VALUE)
		return sformat(buf, size, "value=0x%llx", (unsigned long long)v.value);
	return sformat(buf, size, "%s", verdict_name(v.kind));
}

int rule_format(char *buf, size_t size, const struct rule *r)
{
	char dom[DOM_NAME_MAX + 8], verdict[32];
	const char *v = r->virtual ? "v" : "";

	if (r->dom.any)
		sformat(dom, sizeof(dom), "*");
	else if (r->dom.by_id)
		sformat(dom, sizeof(dom), "%u", r->dom.id);
	else
		sformat(dom, sizeof(dom), "%s", r->dom.name);
	verdict_format(verdict, sizeof(verdict), r->verdict);
	return sformat(buf, size, "%s:%s0x%x-0x%x:w:%s", dom, v, r->start, r->end, verdict);
}

struct watch_response verdict_response(struct verdict v, uint32_t seq)
{
	static const uint8_t codes[VERDICT_KINDS] = {
		[VERDICT_ALLOW] = WATCH_ALLOW,
		[VERDICT_DENY] = WATCH_DENY,
		[VERDICT_DENY_FAULT] = WATCH_DENY,
		[VERDICT_VALUE] = WATCH_WRITE_VALUE,
		[VERDICT_REMOVE] = WATCH_ALLOW_REMOVE,
	};
	struct watch_response rsp = { .seq = seq };

	rsp.verdict = v.kind < VERDICT_KINDS ? codes[v.kind] : WATCH_DENY;
	rsp.flags = v.kind == VERDICT_DENY_FAULT ? WATCH_DENY_FAULT : 0;
	rsp.value = v.kind == VERDICT_VALUE ? v.value : 0;
	return rsp;
}
