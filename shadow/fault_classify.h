/*
 * fault_classify.h - what a page fault in a guest means.
 */
#ifndef SHADOW_FAULT_CLASSIFY_H
#define SHADOW_FAULT_CLASSIFY_H

#include <stdint.h>
#include "shadow/shadow.h"

/* Classify, then act (core/guest_fault.c acts). */
enum pf_outcome {
	PF_GUEST_FAULT,		/* the guest's own tables forbid it: bounce it */
	PF_SHADOW_MISS,		/* the guest allows it, the shadow lacks it: fill */
	PF_TABLE_WRITE,		/* a write to a page table Warden protects */
	PF_DESCRIPTOR_WRITE,	/* a write to the guest's GDT: refused as on Xen */
	PF_WARDEN_AREA,		/* an access above 0xF5800000 the shadow forbids */
	PF_BAD_TABLE,		/* the guest's tables name a frame not its own */
	PF_OUTCOMES
};

struct pf_info {
	enum pf_outcome outcome;
	struct guest_walk walk;		/* for every outcome but PF_WARDEN_AREA */
	uint32_t guest_error;		/* the error code for PF_GUEST_FAULT */
};

/* Sort a fault at va with the hardware error code; acts on nothing. */
enum pf_outcome fault_classify(const struct shadow *s, uint32_t va,
			       uint32_t error_code, struct pf_info *out);

const char *pf_outcome_name(enum pf_outcome o);

#endif
