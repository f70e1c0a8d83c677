/*
 * hc_descriptor.c - a guest's GDT: set_gdt and update_descriptor.
 *
 * The GDT window (segments.h) is sixteen pages: the guest's fourteen, then
 * Warden's two.  set_gdt hands Warden up to fourteen of the guest's frames;
 * every descriptor in them is checked and fixed as Xen's check_descriptor
 * does (core/descriptor_check.c), then the frames are mapped read-only into
 * the window of the vCPU's switcher page table.  From then on they are a
 * reason for a read-only shadow entry, like page tables; the guest changes
 * a descriptor with update_descriptor, which checks it first.
 */
#include "arch/x86_32/memlayout.h"
#include "core/descriptor_check.h"
#include "core/hypercall.h"
#include "include/public/errno.h"
#include "mm/frame.h"
#include "mm/mapslot.h"
#include "shadow/guest_copy.h"

#define DESCRIPTORS_PER_PAGE	(PAGE_SIZE / 8)

/* Check and fix every descriptor in guest frame g; false if one is bad. */
static bool check_gdt_frame(const struct pfn_info *g)
{
	uint64_t *desc = frame_map(g->mfn);
	bool ok = true;

	for (unsigned i = 0; i < DESCRIPTORS_PER_PAGE && ok; i++)
		ok = descriptor_check(&desc[i]) == 0;
	frame_unmap(desc);
	return ok;
}

static void release_gdt(struct vcpu *v)
{
	for (unsigned i = 0; i < v->gdt_pages; i++) {
		p2m_info(v->shadow.p2m, v->gdt_pfns[i])->gdt = 0;
		switcher_map_gdt_page(v->switcher_l1, i, FRAME_NONE);
	}
	v->gdt_pages = 0;
}

/* Take frames as the GDT: from now on no shadow maps them writable. */
static void install_gdt(struct vcpu *v, const uint32_t *pfns, unsigned pages)
{
	for (unsigned i = 0; i < pages; i++) {
		struct pfn_info *g = p2m_info(v->shadow.p2m, pfns[i]);

		g->gdt = 1;
		shadow_protect(&v->shadow, pfns[i]);
		v->gdt_pfns[i] = pfns[i];
		switcher_map_gdt_page(v->switcher_l1, i, g->mfn);
	}
	v->gdt_pages = pages;
}

long hc_set_gdt(struct vcpu *v, const uint32_t *arg)
{
	uint32_t entries = arg[1], pfns[GDT_GUEST_PAGES];
	unsigned pages = (entries + DESCRIPTORS_PER_PAGE - 1) / DESCRIPTORS_PER_PAGE;

	if (entries > GDT_GUEST_PAGES * DESCRIPTORS_PER_PAGE)
		return -XEN_EINVAL;
	if (!guest_copy_from(&v->shadow, pfns, arg[0], pages * 4))
		return -XEN_EFAULT;
	for (unsigned i = 0; i < pages; i++) {
		const struct pfn_info *g = p2m_info(v->shadow.p2m, pfns[i]);

		if (!g || pfn_is_table(g) || !check_gdt_frame(g))
			return -XEN_EINVAL;
	}
	release_gdt(v);
	install_gdt(v, pfns, pages);
	return 0;
}

/* update_descriptor(address low, high, descriptor low, high): address is a
 * guest "machine" address, 8-byte aligned, in a frame that is not a page
 * table. */
long hc_update_descriptor(struct vcpu *v, const uint32_t *arg)
{
	uint64_t pa = arg[0] | ((uint64_t)arg[1] << 32);
	uint64_t desc = arg[2] | ((uint64_t)arg[3] << 32);
	const struct pfn_info *g = p2m_info(v->shadow.p2m, (uint32_t)(pa >> PAGE_SHIFT));
	uint8_t *page;

	if (!g || (pa >> PAGE_SHIFT) > 0xffffffffu || (pa & 7) || pfn_is_table(g) ||
	    descriptor_check(&desc))
		return -XEN_EINVAL;
	page = frame_map(g->mfn);
	*(uint64_t *)(page + (pa & (PAGE_SIZE - 1))) = desc;
	frame_unmap(page);
	return 0;
}
