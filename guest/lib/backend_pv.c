/*
 * backend_pv.c - the backend (backend.h) of a kernel on Warden: in ring 1,
 * every privileged step is a hypercall, with Xen's numbers and structures.
 *
 *	console, shutdown	console_io, sched_op(shutdown)
 *	gates, trap stack	set_trap_table (one entry a call, as Linux's
 *				write_idt_entry on Xen), stack_switch
 *	return from a trap	the iret hypercall, which restores the event
 *				mask with the registers (trap_entry.S)
 *	page tables		mmu_update (Warden checks every entry),
 *				mmuext_op NEW_BASEPTR and INVLPG_LOCAL
 *	time			system time from shared info (time.h); idling
 *				is sched_op(poll) on VIRQ_TIMER's port
 *
 * This is also where a PV kernel starts: head.S calls guest_start() with
 * the start_info the domain builder made.
 */
#include "guest/lib/backend.h"
#include "guest/lib/evtchn.h"
#include "guest/lib/hypercall.h"
#include "guest/lib/test.h"
#include "guest/lib/time.h"
#include "guest/lib/user.h"
#include "guest/lib/x86.h"

#define MASK_EVENTS	4	/* trap_info flags bit 2: like an interrupt gate */
#define EFLAGS_USER	(EFLAGS_IF | 0x2)
#define NS_PER_TICK	(1000000000ull / BACKEND_HZ)

void guest_start(struct start_info *si);	/* head.S */

/* trap_entry.S leaves every trap here (see backend.h). */
__asm__(".text\n"
	".globl trap_return\n"
	"trap_return:\n\t"
	"jmp hypercall_page + " X86_XSTR(__HYPERVISOR_iret) " * "
	X86_XSTR(HYPERCALL_PAGE_ENTRY_SIZE) "\n");

void guest_start(struct start_info *si)
{
	start_info = si;
	trap_init();
	user_init();
	test_run();
}

void backend_console_write(const char *s, uint32_t len)
{
	hc_console_write(s, len);
}

_Noreturn void backend_shutdown(unsigned reason)
{
	hc_shutdown(reason);
	for (;;)	/* shutdown does not return; if it did, hang visibly */
		hc_sched_op(SCHEDOP_yield, 0);
}

const char *backend_cmdline(void)
{
	return start_info->cmd_line;
}

/*
 * Handlers run with events masked, like interrupt gates -- except the
 * system-call gate, which leaves them as they were (a trap gate, as on
 * Xen), so Warden can point int 0x80 straight at it (core/syscall_gate.c).
 */
long backend_trap_gate(unsigned vector, uint32_t handler, unsigned dpl)
{
	uint8_t mask = vector == 0x80 ? 0 : MASK_EVENTS;
	struct trap_info t[2] = {
		{ (uint8_t)vector, (uint8_t)((dpl & 3) | mask), FLAT_RING1_CS, handler },
		{ 0, 0, 0, 0 },
	};

	return hc_set_trap_table(t);
}

long backend_kernel_stack(uint32_t esp)
{
	return hc_stack_switch(FLAT_RING1_SS, esp);
}

void backend_user_frame(struct cpu_regs *regs, uint32_t eip, uint32_t esp)
{
	regs->eip = eip;
	regs->cs = FLAT_RING3_CS;
	regs->eflags = EFLAGS_USER;
	regs->esp = esp;
	regs->ss = FLAT_RING3_SS;
}

void backend_user_data_segments(void)
{
	__asm__ volatile("mov %0, %%ds; mov %0, %%es" : : "r"(FLAT_RING3_DS) : "memory");
}

void backend_set_pte(volatile pte_t *entry, pte_t val)
{
	struct mmu_update u = { virt_to_maddr(entry) | MMU_NORMAL_PT_UPDATE, val };
	long rc = hc_mmu_update(&u, 1, 0, DOMID_SELF);

	if (rc)
		test_fatal("mmu_update of 0x%x to 0x%llx: %ld", (uint32_t)(uintptr_t)entry,
			   (unsigned long long)val, rc);
}

void backend_load_base(const volatile pte_t *l3)
{
	long rc = pt_new_baseptr((const void *)l3);

	if (rc)
		test_fatal("new base pointer 0x%x: %ld", (uint32_t)(uintptr_t)l3, rc);
}

void backend_flush_page(uint32_t va)
{
	struct mmuext_op op = { .cmd = MMUEXT_INVLPG_LOCAL, .arg1.linear_addr = va };

	hc_mmuext_op(&op, 1, 0, DOMID_SELF);
}

const volatile pte_t *backend_kernel_base(void)
{
	return (const volatile pte_t *)(uintptr_t)start_info->pt_base;
}

uint64_t backend_ticks(void)
{
	return time_now_ns() / NS_PER_TICK;
}

/*
 * VIRQ_TIMER fires every tick (Warden's periodic timer).  Its port stays
 * masked, so it never makes an upcall -- we have no event callback -- but
 * it still becomes pending, which is what poll waits for.  The pending bit
 * is cleared before the time is read, so a tick in between is not missed:
 * poll then returns at once.
 */
static evtchn_port_t timer_port(void)
{
	static evtchn_port_t port;
	long rc;

	if (!port) {
		rc = evtchn_bind_virq(VIRQ_TIMER);
		if (rc <= 0)
			test_fatal("cannot bind VIRQ_TIMER: %ld", rc);
		port = (evtchn_port_t)rc;
		evtchn_mask(port);
	}
	return port;
}

void backend_idle(uint64_t until)
{
	evtchn_port_t port = timer_port();

	evtchn_clear(port);
	if (backend_ticks() < until)
		hc_poll(&port, 1, until * NS_PER_TICK);
}
