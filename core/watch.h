/*
 * watch.h - watches on a domain's memory.
 */
#ifndef CORE_WATCH_H
#define CORE_WATCH_H

#include <stdbool.h>
#include <stdint.h>
#include "core/domain.h"
#include "shadow/watch_set.h"

/* The watch set of domain d. */
struct watch_set *watch_set_of(const struct domain *d);

/* Watch [gpa, gpa + len) of d; the id, or a negative errno. */
long watch_add(struct domain *d, uint32_t gpa, uint32_t len, uint8_t access);

/* Remove watch id of d; 0 or a negative errno. */
long watch_remove(struct domain *d, uint32_t id);

/* A watch of d for an access kind in `access` overlapping [gpa, gpa +
 * len), or NULL. */
const struct watch *watch_find(const struct domain *d, uint32_t gpa, uint32_t len,
			       uint8_t access);

/* Forget every watch of d (it ended). */
void watch_clear(struct domain *d);

/* The guest-virtual range [va, va + len) of v's address space in
 * pseudo-physical memory, if it is contiguous there: *gpa, or false. */
bool watch_translate(struct vcpu *v, uint32_t va, uint32_t len, uint32_t *gpa);

long hc_warden_watch_op(struct vcpu *v, const uint32_t *arg);

#endif
