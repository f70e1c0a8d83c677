/*
 * pf_outcome.h - the kinds of page fault a guest can take, as
 * shadow/fault_classify.c sorts them (each vCPU counts them: shadow.h).
 */
#ifndef SHADOW_PF_OUTCOME_H
#define SHADOW_PF_OUTCOME_H

/* Classify, then act (core/guest_fault.c acts). */
enum pf_outcome {
	PF_GUEST_FAULT,		/* the guest's own tables forbid it: bounce it */
	PF_SHADOW_MISS,		/* the guest allows it, the shadow lacks it: fill */
	PF_DIRTY_BIT,		/* a first write to a page whose guest entry is
				 * not dirty yet: set D, fill writable */
	PF_STALE_READ_ONLY,	/* a write where the shadow is read-only for a
				 * reason that has gone: fill writable */
	PF_TABLE_WRITE,		/* a write to a page table Warden protects */
	PF_WATCHED_WRITE,	/* a write to a watched page: an event if it hits
				 * a watched range, else a near miss */
	PF_WATCHED_EXEC,	/* a fetch from a page under an execute watch */
	PF_DESCRIPTOR_WRITE,	/* a write to the guest's GDT: refused as on Xen */
	PF_WARDEN_AREA,		/* an access above 0xF5800000 the shadow forbids */
	PF_BAD_TABLE,		/* the guest's tables name a frame not its own */
	PF_OUTCOMES
};

const char *pf_outcome_name(enum pf_outcome o);

#endif
