/*
 * domain_build.c - Xen's PV domain builder, for Warden.
 *
 * From a kernel's ELF image and its command line, in order:
 *
 *   1. read the command line (name=, mem=, shadow_pages=, priority=) and
 *      the Xen ELF notes (entry, virtual base, hypercall page, PAE mode)
 *   2. give the domain its memory: mem frames of RAM, plus one more, the
 *      shared-info page, which the guest finds at start_info.shared_info
 *      and maps itself, so it must be a frame of its own (pfn nr_pages)
 *   3. copy the ELF segments in, and lay out the bootstrap pieces after the
 *      kernel (core/boot_layout.c)
 *   4. write the bootstrap page tables *in the guest's memory*, as the
 *      guest's own tables: they map the bootstrap region, read-write except
 *      the page tables themselves; the shadow code takes it from there
 *   5. fill the frame list (every frame is itself: a guest never learns a
 *      machine address), start_info, the hypercall page, shared info
 *   6. give the vCPU a trap-stack page, a switcher page table, an empty
 *      shadow, and the registers Xen starts a PV kernel with: EIP at the
 *      entry, ESP at the boot stack, ESI at start_info, ring-1 selectors,
 *      events masked.
 */
#include "core/domain_build.h"
#include "arch/x86_32/memlayout.h"
#include "arch/x86_32/pae.h"
#include "arch/x86_32/segments.h"
#include "arch/x86_32/x86.h"
#include "core/boot_layout.h"
#include "core/console.h"
#include "core/domain_table.h"
#include "core/elf_check.h"
#include "core/fpu.h"
#include "core/hypercall_page.h"
#include "core/xen_notes.h"
#include "include/public/shared_info.h"
#include "include/public/start_info.h"
#include "lib/cmdline.h"
#include "lib/format.h"
#include "lib/string.h"
#include "mm/directmap.h"
#include "mm/frame.h"
#include "mm/mapslot.h"

#define MIB	0x100000u
#define MONITOR_PRIORITY 10	/* above every priority=N (0 to 9) */

struct build {
	struct domain *d;
	const uint8_t *image;
	uint32_t size;
	uint32_t nr_pages;		/* RAM, without the shared-info page */
	struct elf_info elf;
	struct xen_notes notes;
	struct boot_layout layout;
	const char *args;		/* the command line without the path */
	uint32_t shadow_pages;		/* shadow_pages=N; 0: the default */
};

/* Copy len bytes to the domain's pseudo-physical address pa. */
static void copy_in(struct build *b, uint32_t pa, const void *src, uint32_t len)
{
	const uint8_t *in = src;

	while (len) {
		uint32_t off = pa & (PAGE_SIZE - 1);
		uint32_t n = len < PAGE_SIZE - off ? len : PAGE_SIZE - off;
		uint8_t *page = frame_map(p2m_info(&b->d->p2m, pa >> PAGE_SHIFT)->mfn);

		memcpy(page + off, in, n);
		frame_unmap(page);
		pa += n;
		in += n;
		len -= n;
	}
}

static uint32_t pa_of(const struct build *b, uint32_t va)
{
	return va - b->layout.virt_base;
}

/* The default name: the module's file name, without folders or ".elf". */
static void name_from_path(struct domain *d, const char *path, size_t len)
{
	const char *base = path;

	for (size_t i = 0; i < len; i++)
		if (path[i] == '/')
			base = path + i + 1;
	len -= (size_t)(base - path);
	if (len > 4 && memcmp(base + len - 4, ".elf", 4) == 0)
		len -= 4;
	if (len == 0 || len >= sizeof(d->name))
		sformat(d->name, sizeof(d->name), "dom%u", d->id);
	else
		sformat(d->name, sizeof(d->name), "%.*s", (int)len, base);
}

/* The number a value's leading digits spell, at most 0xffffff. */
static uint32_t decimal(const char *value)
{
	uint32_t n = 0;

	for (const char *c = value; *c >= '0' && *c <= '9' && n <= 0xffffff; c++)
		n = n * 10 + (uint32_t)(*c - '0');
	return n > 0xffffff ? 0xffffff : n;
}

/* The word `monitor` makes the privileged monitor domain (one at most):
 * it runs before any guest when both can run, and it is told so in
 * start_info (SIF_PRIVILEGED | SIF_INITDOMAIN, as Xen's dom0). */
static const char *read_role(struct build *b, const char *cmdline)
{
	if (!cmdline_has(cmdline, "monitor"))
		return 0;
	for (unsigned i = 0; i < MAX_DOMAINS; i++)
		if (domains[i].monitor && domains[i].state != DOMAIN_UNUSED)
			return "there is a monitor already";
	b->d->monitor = true;
	b->d->monitor_stays = cmdline_has(cmdline, "stay");
	b->d->priority = MONITOR_PRIORITY;
	return 0;
}

static const char *read_cmdline(struct build *b, const char *cmdline)
{
	char value[16];
	const char *space = cmdline;
	uint32_t mib = DOMAIN_DEFAULT_MIB;

	while (*space && *space != ' ')
		space++;
	b->args = *space ? space + 1 : space;
	if (!cmdline_get(cmdline, "name", b->d->name, sizeof(b->d->name)))
		name_from_path(b->d, cmdline, (size_t)(space - cmdline));
	if (cmdline_get(cmdline, "mem", value, sizeof(value))) {
		mib = decimal(value);
		if (mib == 0 || mib > DOMAIN_MAX_MIB)
			return "mem= must be 1 to 256 (MiB)";
	}
	b->nr_pages = mib * (MIB / PAGE_SIZE);
	if (cmdline_get(cmdline, "shadow_pages", value, sizeof(value)))
		b->shadow_pages = decimal(value);	/* shadow_init bounds it */
	if (cmdline_get(cmdline, "priority", value, sizeof(value)))
		b->d->priority = value[0] >= '0' && value[0] <= '9' ? (unsigned)(value[0] - '0') : 0;
	return read_role(b, cmdline);
}

static bool pae_mode_ok(const char *mode)
{
	return strcmp(mode, "yes") == 0 || strcmp(mode, "bimodal") == 0 ||
	       strcmp(mode, "extended-cr3") == 0;
}

static const char *read_image(struct build *b)
{
	const char *why = elf_check(b->image, b->size, &b->elf);

	if (!why)
		why = xen_notes_parse(b->image, b->size, &b->notes);
	if (why)
		return why;
	if (!b->notes.present)
		return "no Xen ELF notes: not a Xen PV kernel";
	if (!pae_mode_ok(b->notes.pae_mode))
		return "not a PAE kernel (XEN_ELFNOTE_PAE_MODE is not \"yes\")";
	return 0;
}

static const char *load_segments(struct build *b)
{
	uint32_t base = b->notes.has_virt_base ? b->notes.virt_base : 0;
	uint64_t mem = (uint64_t)b->nr_pages * PAGE_SIZE;

	for (unsigned i = 0; i < b->elf.nsegments; i++) {
		const struct elf_segment *s = &b->elf.segments[i];

		if (s->vaddr < base || s->vaddr - base + (uint64_t)s->memsz > mem)
			return "a segment lies outside the domain's memory";
		copy_in(b, s->vaddr - base, b->image + s->offset, s->filesz);
	}
	return boot_layout_compute(base, b->elf.vaddr_hi, b->nr_pages, M2P_BASE,
				   &b->layout);
}

/* Entry i of the table at virtual address table_va. */
static void set_entry(struct build *b, uint32_t table_va, unsigned i, pte_t e)
{
	copy_in(b, pa_of(b, table_va) + i * 8, &e, sizeof(e));
}

static pte_t entry_for(const struct build *b, uint32_t va, pte_t rights)
{
	return (uint64_t)pa_of(b, va) | rights;
}

/* L3, then one L2 per GiB touched, then one L1 per 2 MiB: each maps the
 * next in line, and the L1s map the region (tables read-only). */
static void write_page_tables(struct build *b)
{
	const struct boot_layout *l = &b->layout;
	uint32_t l2 = l->pt_base + PAGE_SIZE;
	uint32_t l1 = l2 + l->l2_frames * PAGE_SIZE;
	uint32_t tables_end = l1 + l->l1_frames * PAGE_SIZE;

	for (uint32_t va = l->virt_base; va < l->region_end; va += PAGE_SIZE) {
		uint32_t gib = (va >> 30) - (l->virt_base >> 30);
		uint32_t two_mib = (va >> 21) - (l->virt_base >> 21);
		bool table = va >= l->pt_base && va < tables_end;

		set_entry(b, l->pt_base, l3_index(va), entry_for(b, l2 + gib * PAGE_SIZE, PTE_P));
		set_entry(b, l2 + gib * PAGE_SIZE, l2_index(va),
			  entry_for(b, l1 + two_mib * PAGE_SIZE, PTE_P | PTE_RW | PTE_US));
		set_entry(b, l1 + two_mib * PAGE_SIZE, l1_index(va),
			  entry_for(b, va, table ? PTE_P : PTE_P | PTE_RW));
	}
}

static void write_frame_list(struct build *b)
{
	for (uint32_t pfn = 0; pfn < b->nr_pages; pfn++)
		copy_in(b, pa_of(b, b->layout.mfn_list) + pfn * 4, &pfn, 4);
}

static void write_start_info(struct build *b)
{
	static struct start_info si;
	const struct boot_layout *l = &b->layout;

	memset(&si, 0, sizeof(si));
	memcpy(si.magic, XEN_START_INFO_MAGIC, sizeof(XEN_START_INFO_MAGIC));
	si.nr_pages = b->nr_pages;
	si.shared_info = b->nr_pages * PAGE_SIZE;	/* pseudo-physical */
	si.pt_base = l->pt_base;
	si.nr_pt_frames = 1 + l->l2_frames + l->l1_frames;
	si.mfn_list = l->mfn_list;
	si.flags = b->d->monitor ? SIF_PRIVILEGED | SIF_INITDOMAIN : 0;
	sformat(si.cmd_line, sizeof(si.cmd_line), "%s", b->args);
	copy_in(b, pa_of(b, l->start_info), &si, sizeof(si));
}

static const char *write_hypercall_page(struct build *b)
{
	static uint8_t page[PAGE_SIZE];
	uint32_t va = b->notes.hypercall_page;

	if (!b->notes.has_hypercall_page)
		return 0;
	if (va % PAGE_SIZE || va < b->layout.virt_base || va >= b->layout.kernel_end)
		return "the hypercall page lies outside the kernel image";
	hypercall_page_fill(page);
	copy_in(b, pa_of(b, va), page, PAGE_SIZE);
	return 0;
}

/* Events start masked, as on Xen. */
static void write_shared_info(struct build *b)
{
	uint8_t mask = 1;

	copy_in(b, b->nr_pages * PAGE_SIZE +
		   offsetof(struct shared_info, vcpu_info[0].evtchn_upcall_mask),
		&mask, 1);
}

static const char *make_vcpu(struct build *b)
{
	struct domain *d = b->d;
	struct vcpu *v = &d->vcpu;
	struct trap_frame *r;

	v->trap_page = frame_alloc(FRAME_WARDEN, OWNER_WARDEN);
	v->switcher_l1 = frame_alloc(FRAME_WARDEN, OWNER_WARDEN);
	if (v->trap_page == FRAME_NONE || v->switcher_l1 == FRAME_NONE)
		return "no memory for the vCPU";
	if (!directmap_covers((uint64_t)v->trap_page << PAGE_SHIFT, PAGE_SIZE))
		return "no direct-mapped frame for the vCPU's registers";
	/* The registers live at the top of the trap-stack page (core/vcpu.c). */
	v->regs = r = (struct trap_frame *)
		((uint8_t *)directmap((uint64_t)v->trap_page << PAGE_SHIFT) + PAGE_SIZE) - 1;
	switcher_map_build(v->switcher_l1, v->trap_page);
	fpu_vcpu_init(v);
	memset(r, 0, sizeof(*r));
	r->eip = b->notes.has_entry ? b->notes.entry : b->elf.entry;
	r->esp = b->layout.stack_top;
	r->esi = b->layout.start_info;
	r->cs = FLAT_RING1_CS;
	r->ss = r->ds = r->es = FLAT_RING1_DS;
	r->eflags = EFLAGS_IF | 0x2;
	return shadow_init(&v->shadow, &d->p2m, d->id, v->switcher_l1,
			   pa_of(b, b->layout.pt_base), b->shadow_pages);
}

static const char *build(struct build *b, const char *cmdline)
{
	const char *why = read_cmdline(b, cmdline);

	if (!why)
		why = read_image(b);
	if (!why)
		why = p2m_alloc(&b->d->p2m, b->d->id, b->nr_pages + 1);
	if (why)
		return why;
	b->d->shared_info = p2m_info(&b->d->p2m, b->nr_pages)->mfn;
	if (directmap_covers((uint64_t)b->d->shared_info << PAGE_SHIFT, PAGE_SIZE))
		b->d->shared_info_va = directmap((uint64_t)b->d->shared_info << PAGE_SHIFT);
	why = load_segments(b);
	if (!why)
		why = write_hypercall_page(b);
	if (why)
		return why;
	write_page_tables(b);
	write_frame_list(b);
	write_start_info(b);
	write_shared_info(b);
	return make_vcpu(b);
}

static void report(const struct build *b)
{
	const struct boot_layout *l = &b->layout;

	printk("domain %u (%s): %u MiB, kernel 0x%08x-0x%08x, entry 0x%08x, start_info 0x%08x, page tables 0x%08x (%u frames), mapped to 0x%08x\n",
	       b->d->id, b->d->name, b->nr_pages / (MIB / PAGE_SIZE),
	       l->virt_base, l->kernel_end, b->d->vcpu.regs->eip, l->start_info,
	       l->pt_base, 1 + l->l2_frames + l->l1_frames, l->region_end);
}

void domain_build(unsigned index, const char *cmdline, const void *image,
		  uint32_t size)
{
	static struct build b;
	const char *why;

	memset(&b, 0, sizeof(b));
	b.d = domain_alloc();
	b.image = image;
	b.size = size;
	if (!b.d) {
		printk("module %u: not started: too many domains (at most %u)\n",
		       index, MAX_DOMAINS);
		return;
	}
	b.d->state = DOMAIN_RUNNABLE;
	why = build(&b, cmdline);
	if (why) {
		printk("module %u: not started: %s\n", index, why);
		domain_destroy(b.d);
		return;
	}
	report(&b);
}
