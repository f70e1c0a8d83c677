/*
 * watch.c - placing and removing watches.
 *
 * A watch covers bytes of a domain's pseudo-physical memory, so an access
 * through any alias of the frame is caught.  Every frame a watch touches
 * counts its watches of each kind (pfn_info.write_watches, exec_watches);
 * while a count is above zero the shadows map the frame read-only
 * (pfn_protected) or no-execute, and when a watch is added, the frame's
 * writable mappings go (shadow_protect, through the reverse map), or for
 * an execute watch all its mappings (shadow_unmap_frame).  When the last
 * watch of a frame goes, it gets its rights back at its next fault.
 *
 * Who may watch what: a guest its own memory, by virtual address; the
 * monitor any other domain's, by virtual or pseudo-physical address.  The
 * monitor's own memory is never watched: the monitor would wait for
 * itself.
 */
#include "core/watch.h"
#include "arch/x86_32/memlayout.h"
#include "core/domain_table.h"
#include "include/public/errno.h"
#include "include/public/xen.h"
#include "shadow/guest_copy.h"
#include "shadow/guest_mem.h"

#define WATCH_LEN_MAX	0x100000u

static struct watch_set sets[MAX_DOMAINS];

struct watch_set *watch_set_of(const struct domain *d)
{
	return &sets[d->id - 1];
}

/* A new write watch takes away the frame's writable mappings; a new
 * execute watch every mapping (they come back no-execute). */
static void count_frames(struct domain *d, uint32_t start, uint32_t end,
			 uint8_t access, int delta)
{
	for (uint32_t pfn = start >> PAGE_SHIFT; pfn <= (end - 1) >> PAGE_SHIFT; pfn++) {
		struct pfn_info *g = p2m_info(&d->p2m, pfn);
		uint16_t *count = access == WATCH_EXEC ? &g->exec_watches : &g->write_watches;

		*count = (uint16_t)(*count + delta);
		if (delta > 0 && *count == 1 && access == WATCH_EXEC)
			shadow_unmap_frame(&d->vcpu.shadow, pfn);
		else if (delta > 0 && *count == 1)
			shadow_protect(&d->vcpu.shadow, pfn);
	}
}

long watch_add(struct domain *d, uint32_t gpa, uint32_t len, uint8_t access)
{
	uint64_t end = (uint64_t)gpa + len;
	uint32_t id;

	if ((access != WATCH_WRITE && access != WATCH_EXEC) || len == 0 ||
	    len > WATCH_LEN_MAX)
		return -XEN_EINVAL;
	/* The last frame is the shared-info page, which Warden writes on
	 * every tick: it cannot be watched. */
	if (end > (uint64_t)(d->p2m.nr_pfns - 1) << PAGE_SHIFT)
		return -XEN_EINVAL;
	if (d->monitor)
		return -XEN_EPERM;	/* the monitor would wait for itself */
	id = watch_set_add(watch_set_of(d), gpa, (uint32_t)end, access);
	if (!id)
		return -XEN_ENOSPC;
	count_frames(d, gpa, (uint32_t)end, access, 1);
	return id;
}

long watch_remove(struct domain *d, uint32_t id)
{
	struct watch w;

	if (!watch_set_remove(watch_set_of(d), id, &w))
		return -XEN_ENOENT;
	count_frames(d, w.start, w.end, w.access, -1);
	return 0;
}

const struct watch *watch_find(const struct domain *d, uint32_t gpa, uint32_t len,
			       uint8_t access)
{
	return watch_set_find(watch_set_of(d), gpa, gpa + len, access);
}

void watch_clear(struct domain *d)
{
	watch_set_init(watch_set_of(d));
}

bool watch_translate(struct vcpu *v, uint32_t va, uint32_t len, uint32_t *gpa)
{
	struct guest_mem mem = guest_mem_of(v->shadow.p2m);
	struct guest_walk w;
	uint32_t first = 0;

	if (len == 0 || va >= M2P_BASE || len > M2P_BASE - va)
		return false;
	for (uint32_t page = va & ~(PAGE_SIZE - 1u); page < va + len; page += PAGE_SIZE) {
		if (!guest_walk(&mem, v->shadow.p2m->nr_pfns, v->shadow.guest_cr3,
				page, 0, &w))
			return false;
		if (page == (va & ~(PAGE_SIZE - 1u)))
			first = w.pfn;
		else if (w.pfn != first + ((page - (va & ~(PAGE_SIZE - 1u))) >> PAGE_SHIFT))
			return false;	/* not contiguous in pseudo-physical memory */
	}
	*gpa = (first << PAGE_SHIFT) | (va & (PAGE_SIZE - 1));
	return true;
}

/* The domain a watch call names: the caller, or (the monitor only) any
 * other live domain. */
static struct domain *target(struct vcpu *v, uint32_t domid, long *err)
{
	struct domain *d;

	if (domid == DOMID_SELF || domid == v->domain->id)
		return v->domain;
	*err = -XEN_EPERM;
	if (!v->domain->monitor)
		return 0;
	*err = -XEN_ESRCH;
	if (domid == 0 || domid > MAX_DOMAINS)
		return 0;
	d = &domains[domid - 1];
	return domain_alive(d) ? d : 0;
}

static long add(struct vcpu *v, struct warden_watch *w)
{
	long err = 0, id;
	struct domain *d = target(v, w->domid, &err);
	uint32_t gpa = w->addr;

	if (!d)
		return err;
	if (w->addr_kind == WATCH_ADDR_VIRTUAL &&
	    !watch_translate(&d->vcpu, w->addr, w->len, &gpa))
		return -XEN_EINVAL;
	if (w->addr_kind > WATCH_ADDR_PHYSICAL)
		return -XEN_EINVAL;
	id = watch_add(d, gpa, w->len, w->access);
	if (id > 0)
		w->id = (uint32_t)id;
	return id < 0 ? id : 0;
}

static long list(struct vcpu *v, struct warden_watch_list *l)
{
	long err = 0;
	struct domain *d = target(v, l->domid, &err);
	const struct watch_set *set;

	if (!d)
		return err;
	set = watch_set_of(d);
	l->count = set->count;
	for (unsigned i = 0; i < set->count && i < l->max; i++) {
		struct warden_watch e = { d->id, set->w[i].access, WATCH_ADDR_PHYSICAL,
					  set->w[i].start, set->w[i].end - set->w[i].start,
					  set->w[i].id };

		if (!guest_copy_to(&v->shadow, l->entries + i * sizeof(e), &e, sizeof(e)))
			return -XEN_EFAULT;
	}
	return 0;
}

long hc_warden_watch_op(struct vcpu *v, const uint32_t *arg)
{
	struct warden_watch w;
	struct warden_watch_list l;
	long rc, err = 0;
	struct domain *d;

	switch (arg[0]) {
	case WATCH_OP_add:
	case WATCH_OP_del:
		if (!guest_copy_from(&v->shadow, &w, arg[1], sizeof(w)))
			return -XEN_EFAULT;
		if (arg[0] == WATCH_OP_del) {
			d = target(v, w.domid, &err);
			return d ? watch_remove(d, w.id) : err;
		}
		rc = add(v, &w);
		if (rc == 0 && !guest_copy_to(&v->shadow, arg[1], &w, sizeof(w)))
			return -XEN_EFAULT;
		return rc == 0 ? (long)w.id : rc;
	case WATCH_OP_list:
		if (!guest_copy_from(&v->shadow, &l, arg[1], sizeof(l)))
			return -XEN_EFAULT;
		rc = list(v, &l);
		if (rc == 0 && !guest_copy_to(&v->shadow, arg[1], &l, sizeof(l)))
			return -XEN_EFAULT;
		return rc;
	default:
		return -XEN_ENOSYS;
	}
}
