/*
 * fault_classify.h - what a page fault in a guest means.
 */
#ifndef SHADOW_FAULT_CLASSIFY_H
#define SHADOW_FAULT_CLASSIFY_H

#include <stdint.h>
#include "shadow/pf_outcome.h"
#include "shadow/shadow.h"

struct pf_info {
	enum pf_outcome outcome;
	struct guest_walk walk;		/* for every outcome but PF_WARDEN_AREA */
	uint32_t guest_error;		/* the error code for PF_GUEST_FAULT */
};

/* Sort a fault at va with the hardware error code; acts on nothing. */
enum pf_outcome fault_classify(const struct shadow *s, uint32_t va,
			       uint32_t error_code, struct pf_info *out);

#endif
