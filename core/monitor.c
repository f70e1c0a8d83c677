/*
 * monitor.c - what only the monitor may do.
 *
 * The domain started with the word `monitor` on its command line is
 * privileged: it receives the watch events (core/watch_event.c), and it
 * may read and write other domains' memory by copy, read a vCPU's
 * registers, pause and resume domains, and stream events out of COM2 (the
 * TSS's I/O bitmap opens those ports while it runs: core/vcpu.c).
 * Every other caller of these operations gets -EPERM.  While a monitor
 * exists, guests wait to start until it says it is ready, so no watch can
 * fire before anyone listens.
 */
#include "core/monitor.h"
#include "arch/x86_32/memlayout.h"
#include "arch/x86_32/x86.h"
#include "core/console.h"
#include "core/domain_table.h"
#include "core/emulate.h"
#include "core/table_write.h"
#include "core/watch.h"
#include "core/watch_event.h"
#include "include/public/errno.h"
#include "include/public/warden.h"
#include "lib/string.h"
#include "mm/mapslot.h"
#include "shadow/guest_copy.h"

#define MEMORY_OP_MAX	PAGE_SIZE

struct domain *monitor_domain(void)
{
	for (unsigned i = 0; i < MAX_DOMAINS; i++)
		if (domains[i].monitor && domain_alive(&domains[i]))
			return &domains[i];
	return 0;
}

void monitor_hold_guests(void)
{
	if (!monitor_domain())
		return;
	for (unsigned i = 0; i < MAX_DOMAINS; i++)
		if (domain_alive(&domains[i]) && !domains[i].monitor)
			domains[i].paused = true;
	printk("warden: guests wait until the monitor is ready\n");
}

static struct domain *other_domain(uint32_t domid)
{
	if (domid == 0 || domid > MAX_DOMAINS || !domain_alive(&domains[domid - 1]))
		return 0;
	return &domains[domid - 1];
}

/* [addr, addr + len) of d as a pseudo-physical address, one page at most. */
static bool memory_target(struct domain *d, const struct warden_memory_op *op,
			  uint32_t *gpa)
{
	if (op->len == 0 || op->len > MEMORY_OP_MAX)
		return false;
	if (op->addr_kind == WATCH_ADDR_VIRTUAL)
		return watch_translate(&d->vcpu, op->addr, op->len, gpa);
	*gpa = op->addr;
	return (uint64_t)op->addr + op->len <= (uint64_t)d->p2m.nr_pfns << PAGE_SHIFT;
}

/* Copy between the target's frames and a buffer, a page at a time; NULL,
 * or why a write was refused (a bad page-table entry, the GDT): the
 * monitor's writes follow the rules the guest's own do. */
static const char *copy_frames(struct domain *d, uint32_t gpa, uint8_t *buf,
			       uint32_t len, bool to_domain)
{
	const char *refused;

	while (len) {
		uint32_t off = gpa & (PAGE_SIZE - 1), n = PAGE_SIZE - off;
		uint32_t pfn = gpa >> PAGE_SHIFT;
		uint8_t *page;

		n = n < len ? n : len;
		if (to_domain) {
			refused = guest_frame_write(&d->vcpu, pfn, off, buf, n);
			if (refused)
				return refused;
		} else {
			page = frame_map(p2m_info(&d->p2m, pfn)->mfn);
			memcpy(buf, page + off, n);
			frame_unmap(page);
		}
		gpa += n;
		buf += n;
		len -= n;
	}
	return 0;
}

static long memory_op(struct vcpu *m, uint32_t arg, bool write)
{
	static uint8_t buf[MEMORY_OP_MAX];
	struct warden_memory_op op;
	struct domain *d;
	uint32_t gpa;

	if (!guest_copy_from(&m->shadow, &op, arg, sizeof(op)))
		return -XEN_EFAULT;
	d = other_domain(op.domid);
	if (!d || !memory_target(d, &op, &gpa))
		return d ? -XEN_EINVAL : -XEN_ESRCH;
	if (write && !guest_copy_from(&m->shadow, buf, op.buffer, op.len))
		return -XEN_EFAULT;
	if (copy_frames(d, gpa, buf, op.len, write))
		return -XEN_EINVAL;
	if (!write && !guest_copy_to(&m->shadow, op.buffer, buf, op.len))
		return -XEN_EFAULT;
	return 0;
}

static long get_regs(struct vcpu *m, uint32_t arg)
{
	struct warden_vcpu_regs r;
	const struct domain *d;
	const struct trap_frame *f;

	if (!guest_copy_from(&m->shadow, &r, arg, sizeof(r)))
		return -XEN_EFAULT;
	d = other_domain(r.domid);
	if (!d || r.vcpu != 0)
		return -XEN_ESRCH;
	f = d->vcpu.regs;
	r = (struct warden_vcpu_regs){ r.domid, 0, f->eax, f->ebx, f->ecx, f->edx,
		f->esi, f->edi, f->ebp, f->esp, f->eip, f->eflags, f->cs, f->ss,
		d->vcpu.cr2, d->vcpu.shadow.guest_cr3 };
	return guest_copy_to(&m->shadow, arg, &r, sizeof(r)) ? 0 : -XEN_EFAULT;
}

static long set_paused(uint32_t domid, bool paused)
{
	struct domain *d = other_domain(domid);

	if (!d || d->monitor)
		return -XEN_ESRCH;
	d->paused = paused;
	return 0;
}

static long ready(void)
{
	for (unsigned i = 0; i < MAX_DOMAINS; i++)
		if (domain_alive(&domains[i]) && !domains[i].monitor)
			domains[i].paused = false;
	printk("warden: the monitor is ready; guests start\n");
	return 0;
}

static long ring_register(struct vcpu *m, uint32_t arg)
{
	struct warden_ring_register r;

	if (!guest_copy_from(&m->shadow, &r, arg, sizeof(r)))
		return -XEN_EFAULT;
	return watch_event_ring_register(m, &r);
}

long hc_warden_monitor_op(struct vcpu *v, const uint32_t *arg)
{
	if (!v->domain->monitor)
		return -XEN_EPERM;
	switch (arg[0]) {
	case MONITOR_OP_ring_register:
		return ring_register(v, arg[1]);
	case MONITOR_OP_ready:
		return ready();
	case MONITOR_OP_responses:
		watch_event_take_responses();
		return 0;
	case MONITOR_OP_read_memory:
	case MONITOR_OP_write_memory:
		return memory_op(v, arg[1], arg[0] == MONITOR_OP_write_memory);
	case MONITOR_OP_get_regs:
		return get_regs(v, arg[1]);
	case MONITOR_OP_pause:
	case MONITOR_OP_unpause:
		return set_paused(arg[1], arg[0] == MONITOR_OP_pause);
	case MONITOR_OP_stats:
		watch_stats.refused_warden_writes = guest_copy_refused_watched;
		return guest_copy_to(&v->shadow, arg[1], &watch_stats,
				     sizeof(watch_stats)) ? 0 : -XEN_EFAULT;
	default:
		return -XEN_ENOSYS;
	}
}
