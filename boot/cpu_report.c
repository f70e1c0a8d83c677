/*
 * cpu_report.c - reading back the protection set-up.
 *
 * Isolation depends on a handful of bits; this reads them from the CPU
 * itself, so a boot test checks what the CPU will enforce rather than what
 * Warden meant to write.  (Whether a ring-1 guest is really stopped by them
 * is shown by the guests' own tests.)
 */
#include <stdbool.h>
#include <stdint.h>

#include "boot/cpu_report.h"
#include "arch/x86_32/segments.h"
#include "arch/x86_32/trap_frame.h"
#include "arch/x86_32/tss.h"
#include "arch/x86_32/x86.h"
#include "core/console.h"

struct __attribute__((packed)) table_register {
	uint16_t limit;
	uint32_t base;
};

static struct table_register read_gdtr(void)
{
	struct table_register r;

	__asm__ volatile("sgdt %0" : "=m"(r));
	return r;
}

static struct table_register read_idtr(void)
{
	struct table_register r;

	__asm__ volatile("sidt %0" : "=m"(r));
	return r;
}

static uint16_t read_tr(void)
{
	uint16_t tr;

	__asm__ volatile("str %0" : "=r"(tr));
	return tr;
}

static unsigned gate_dpl(const struct table_register *idtr, unsigned vector)
{
	const uint64_t *idt = (const uint64_t *)idtr->base;

	return (unsigned)(idt[vector] >> 45) & 3;
}

/* The TSS the task register names, found through the GDT. */
static const struct tss *loaded_tss(const struct table_register *gdtr,
				    uint16_t tr, uint32_t *limit)
{
	uint64_t d = ((const uint64_t *)gdtr->base)[SELECTOR_INDEX(tr)];
	uint32_t base = (uint32_t)((d >> 16) & 0xffffff) |
			(uint32_t)((d >> 56) << 24);

	*limit = (uint32_t)(d & 0xffff) | (uint32_t)((d >> 32) & 0xf0000);
	return (const struct tss *)base;
}

/* Whether the TSS's I/O bitmap refuses port below ring 0 (a set bit, or
 * a bit past the TSS's limit). */
static bool port_refused(const struct tss *tss, uint32_t limit, uint16_t port)
{
	uint32_t byte = tss->iomap_base + port / 8u;

	return byte > limit || (((const uint8_t *)tss)[byte] >> (port % 8)) & 1;
}

void cpu_report(void)
{
	struct table_register gdtr = read_gdtr(), idtr = read_idtr();
	uint16_t tr = read_tr();
	uint32_t tss_limit;
	const struct tss *tss = loaded_tss(&gdtr, tr, &tss_limit);

	printk("cpu: GDT %u entries, TR 0x%x, I/O map at %u (TSS limit %u), port 0xf4 %s, "
	       "hypercall gate DPL %u, int 0x80 gate DPL %u, SYSENTER_CS %llu, "
	       "CR0.WP %u, EFER.NXE %u\n",
	       (gdtr.limit + 1u) / 8, tr, tss->iomap_base, tss_limit,
	       port_refused(tss, tss_limit, 0xf4) ? "refused" : "ALLOWED",
	       gate_dpl(&idtr, TRAP_HYPERCALL), gate_dpl(&idtr, 0x80),
	       rdmsr(MSR_SYSENTER_CS), !!(rcr0() & CR0_WP),
	       !!(rdmsr(MSR_EFER) & EFER_NXE));
}
