/*
 * policy.h - the monitor's rules: which verdict a watched write gets.
 *
 * A rule is one word of the monitor's command line,
 *
 *	rule=DOM:START-END:ACCESS:VERDICT
 *
 *   DOM      a domain id (2), a domain name (kernel), or * for any
 *   START-END  an inclusive range of pseudo-physical addresses
 *            (0x10000-0x10fff), or of guest-virtual ones with a v in front
 *            (v0xc0010000-0xc0010fff)
 *   ACCESS   w: writes (the only access Warden catches)
 *   VERDICT  allow, deny (skip the write), deny-fault (a page fault in
 *            the guest instead), value=N (write N instead), remove (allow,
 *            and remove the watch)
 *
 * The first rule that the written bytes overlap decides; when none does,
 * the default verdict (default=VERDICT, deny unless told) decides.  Rules
 * are pure data: this file makes no hypercall, so the host's unit tests
 * run it (tests/unit/test_monitor_policy.c).
 */
#ifndef MONITOR_POLICY_H
#define MONITOR_POLICY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "guest/monitor/words.h"
#include "include/public/warden.h"
#include "include/public/xen.h"

#define POLICY_RULES_MAX	32
#define DOM_NAME_MAX		32

enum verdict_kind {
	VERDICT_ALLOW,
	VERDICT_DENY,
	VERDICT_DENY_FAULT,
	VERDICT_VALUE,
	VERDICT_REMOVE,
	VERDICT_KINDS
};

struct verdict {
	enum verdict_kind kind;
	uint64_t value;			/* VERDICT_VALUE's */
};

/* A domain as a rule names it: any, by id, or by name. */
struct dom_ref {
	bool any, by_id;
	uint16_t id;
	char name[DOM_NAME_MAX];
};

struct rule {
	struct dom_ref dom;
	bool virtual;			/* the range is of gva, else of gpa */
	uint32_t start, end;		/* inclusive */
	uint8_t access;			/* WATCH_WRITE */
	struct verdict verdict;
};

struct policy {
	struct rule rules[POLICY_RULES_MAX];
	unsigned count;
	struct verdict fallback;	/* the default verdict */
};

/* No rules, and deny by default. */
void policy_init(struct policy *p);

/* Add the rule "DOM:START-END:ACCESS:VERDICT"; NULL, or why not. */
const char *policy_add(struct policy *p, struct word text);

/* The index of the first rule the write in req (by domain id and name)
 * matches; -1 if none does. */
int policy_match(const struct policy *p, const struct watch_request *req,
		 const char *name);

/* The verdict for req: its rule's, or the default. */
struct verdict policy_decide(const struct policy *p, const struct watch_request *req,
			     const char *name);

/* "allow", "deny", "deny-fault", "value=N" or "remove"; NULL, or why not. */
const char *verdict_parse(struct word w, struct verdict *v);

/* The verdict's name without its value ("value" for value=N). */
const char *verdict_name(enum verdict_kind kind);

/* As verdict_parse reads it, and a rule as policy_add does; the length
 * (sformat's). */
int verdict_format(char *buf, size_t size, struct verdict v);
int rule_format(char *buf, size_t size, const struct rule *r);

/* Whether ref names the domain id (called name). */
bool dom_ref_matches(const struct dom_ref *ref, uint16_t id, const char *name);

/* The answer Warden reads for request seq. */
struct watch_response verdict_response(struct verdict v, uint32_t seq);

#endif
