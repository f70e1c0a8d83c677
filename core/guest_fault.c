/*
 * guest_fault.c - acting on a guest's page fault.
 *
 * shadow/fault_classify.c decides what the fault means; here each outcome
 * has one line of action, and a counter in the vCPU's shadow (the counts
 * are printed when a domain ends).
 */
#include "core/guest_fault.h"
#include "arch/x86_32/memlayout.h"
#include "arch/x86_32/pae.h"
#include "core/bounce.h"
#include "core/console.h"
#include "core/table_write.h"
#include "core/watch_fault.h"
#include "lib/format.h"

static void fill(struct vcpu *v, uint32_t va, struct guest_walk *w,
		 uint32_t error_code)
{
	if (!shadow_fill(&v->shadow, va, w, error_code & PF_W))
		domain_crash(v->domain, "no memory left for its shadow page tables");
}

static void warden_area(struct vcpu *v, uint32_t va, uint32_t error_code)
{
	const char *what = va < M2P_END ? "the machine-to-physical table" :
			   "Warden's switcher region";

	if (error_code & PF_W)
		domain_crash(v->domain, "wrote to %s at 0x%x (eip 0x%x)", what,
			     va, v->regs->eip);
	else
		domain_crash(v->domain, "touched Warden's memory at 0x%x (eip 0x%x)",
			     va, v->regs->eip);
}

void guest_page_fault(struct vcpu *v, uint32_t va, uint32_t error_code)
{
	struct pf_info pf;

	v->shadow.faults[fault_classify(&v->shadow, va, error_code, &pf)]++;
	switch (pf.outcome) {
	case PF_GUEST_FAULT:
		bounce_page_fault(v, va, pf.guest_error);
		break;
	case PF_SHADOW_MISS:
	case PF_DIRTY_BIT:
	case PF_STALE_READ_ONLY:
		fill(v, va, &pf.walk, error_code);
		break;
	case PF_WATCHED_EXEC:
		watch_exec_fault(v, va, pf.walk.pfn);
		break;
	case PF_TABLE_WRITE:		/* checked against watches too */
	case PF_WATCHED_WRITE:
		watch_fault(v, va, &pf.walk, pf.guest_error == 0);
		break;
	case PF_DESCRIPTOR_WRITE:	/* Xen too faults these: use update_descriptor */
		bounce_page_fault(v, va, error_code & (PF_P | PF_W | PF_U));
		break;
	case PF_WARDEN_AREA:
		warden_area(v, va, error_code);
		break;
	default:
		domain_crash(v->domain, "its page tables are bad at 0x%x: %s",
			     va, pf.walk.bad);
	}
}

void guest_fault_print_counts(const struct domain *d)
{
	const uint64_t *count = d->vcpu.shadow.faults;
	char line[PF_OUTCOMES * 40];
	size_t used = 0;

	for (unsigned o = 0; o < PF_OUTCOMES && used < sizeof(line); o++) {
		int n = sformat(line + used, sizeof(line) - used, "%s%llu %s",
				o ? ", " : "", (unsigned long long)count[o],
				pf_outcome_name((enum pf_outcome)o));

		used += n > 0 ? (size_t)n : 0;
	}
	printk("domain %u (%s): faults: %s\n", d->id, d->name, line);
}
