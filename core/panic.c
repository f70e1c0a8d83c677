/*
 * panic.c - the report of a fatal error in Warden itself.
 *
 * It says what happened (the message, or the exception with its error
 * code and, for a page fault, CR2), where (every register and a backtrace
 * of return addresses, to be resolved with addr2line against
 * build/warden.elf), and then exits QEMU with EXIT_PANIC so a test sees
 * the difference between a panic and any other ending.  (GCC gives leaf
 * functions that use no stack no frame of their own, so when one of them
 * faults, its caller is missing from the backtrace: #0 is still exact.)  A fault while
 * reporting stops at once rather than looping.
 */
#include "core/panic.h"
#include "core/backtrace.h"
#include "core/console.h"
#include "arch/x86_32/debug_exit.h"
#include "arch/x86_32/exit_status.h"
#include "arch/x86_32/cpu_tables.h"
#include "arch/x86_32/tss.h"
#include "arch/x86_32/x86.h"

#define BACKTRACE_MAX 16

extern char _stack_bottom[], _stack_top[];	/* warden.ld */

static const char *const exception_names[32] = {
	"divide error", "debug", "NMI", "breakpoint", "overflow",
	"bound range exceeded", "invalid opcode", "device not available",
	"double fault", "coprocessor segment overrun", "invalid TSS",
	"segment not present", "stack-segment fault",
	"general protection fault", "page fault", "reserved (15)",
	"x87 floating-point error", "alignment check", "machine check",
	"SIMD floating-point error", "virtualization exception",
	"control protection", "reserved (22)", "reserved (23)",
	"reserved (24)", "reserved (25)", "reserved (26)", "reserved (27)",
	"hypervisor injection", "VMM communication", "security exception",
	"reserved (31)",
};

static int panicking;

/* A second fault while reporting the first: say so and stop. */
static void refuse_nested_panic(void)
{
	if (panicking++) {
		printk("\n*** panic while panicking; stopping\n");
		debug_exit(EXIT_PANIC);
	}
}

static _Noreturn void panic_exit(void)
{
	printk("warden: exit status 0x%x (panic)\n", EXIT_PANIC);
	debug_exit(EXIT_PANIC);
}

/* eip: where the report is about; ebp: that function's frame pointer. */
static void print_backtrace(uint32_t eip, uint32_t ebp)
{
	struct stack_view stack = {
		(const uint32_t *)_stack_bottom,
		(uint32_t)_stack_bottom, (uint32_t)_stack_top,
	};
	uint32_t ret[BACKTRACE_MAX];
	unsigned n = backtrace_walk(&stack, ebp, ret, BACKTRACE_MAX);

	printk("backtrace (addr2line -f -e build/warden.elf ADDR...):\n");
	printk("  #0 0x%08x\n", eip);
	for (unsigned i = 0; i < n; i++)
		printk("  #%u 0x%08x\n", i + 1, ret[i]);
}

static void print_control_registers(void)
{
	printk("cr0 %08x  cr2 %08x  cr3 %08x  cr4 %08x\n",
	       rcr0(), rcr2(), rcr3(), rcr4());
}

_Noreturn void panic(const char *fmt, ...)
{
	va_list ap;

	refuse_nested_panic();
	printk("\n*** WARDEN PANIC: ");
	va_start(ap, fmt);
	vprintk(fmt, ap);
	va_end(ap);
	printk("\n");
	print_control_registers();
	/* Start at panic's caller: its EIP is our return address and its
	 * frame pointer the one our prologue saved. */
	print_backtrace((uint32_t)__builtin_return_address(0),
			*(const uint32_t *)read_ebp());
	panic_exit();
}

static void print_page_fault_cause(uint32_t error_code)
{
	printk("page fault: %s %s in %s mode%s\n",
	       error_code & 0x10 ? "instruction fetch" :
	       error_code & 0x2 ? "write" : "read",
	       error_code & 0x1 ? "violating protection" : "of a not-present page",
	       error_code & 0x4 ? "user" : "supervisor",
	       error_code & 0x8 ? ", reserved bit set" : "");
}

/* A trap from ring 0 pushes no ESP: the old stack ends where it would be. */
static uint32_t frame_esp(const struct trap_frame *f)
{
	return trap_from_warden(f) ? (uint32_t)&f->esp : f->esp;
}

static void print_frame(const struct trap_frame *f)
{
	printk("eax %08x  ebx %08x  ecx %08x  edx %08x\n",
	       f->eax, f->ebx, f->ecx, f->edx);
	printk("esi %08x  edi %08x  ebp %08x  esp %08x\n",
	       f->esi, f->edi, f->ebp, frame_esp(f));
	printk("eip %08x  eflags %08x  cs %04x  ds %04x  es %04x  fs %04x  gs %04x\n",
	       f->eip, f->eflags, f->cs & 0xffff, f->ds & 0xffff,
	       f->es & 0xffff, f->fs & 0xffff, f->gs & 0xffff);
}

_Noreturn void panic_trap(const struct trap_frame *f)
{
	const char *name = f->vector < 32 ? exception_names[f->vector]
					  : "unexpected interrupt";

	refuse_nested_panic();
	printk("\n*** WARDEN PANIC: %s in Warden\n", name);
	printk("vector %u  error code 0x%08x  cr2 0x%08x\n",
	       f->vector, f->error_code, rcr2());
	if (f->vector == TRAP_PF)
		print_page_fault_cause(f->error_code);
	print_frame(f);
	print_control_registers();
	print_backtrace(f->eip, f->ebp);
	panic_exit();
}

/*
 * The CPU saved the faulting context in warden_tss when it switched to
 * the double-fault task; that is where the registers come from.
 */
_Noreturn void double_fault_report(void)
{
	const struct tss *t = cpu_tables_tss();

	refuse_nested_panic();
	printk("\n*** WARDEN PANIC: double fault in Warden (stack overflow?)\n");
	printk("stack %08x-%08x\n", (uint32_t)_stack_bottom, (uint32_t)_stack_top);
	printk("eax %08x  ebx %08x  ecx %08x  edx %08x\n",
	       t->eax, t->ebx, t->ecx, t->edx);
	printk("esi %08x  edi %08x  ebp %08x  esp %08x\n",
	       t->esi, t->edi, t->ebp, t->esp);
	printk("eip %08x  eflags %08x  cs %04x  ss %04x\n",
	       t->eip, t->eflags, t->cs, t->ss);
	print_control_registers();
	print_backtrace(t->eip, t->ebp);
	panic_exit();
}
