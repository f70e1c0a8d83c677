/*
 * first: the first guest, and what `make run` shows.  A paravirtual kernel
 * in ring 1 that says what it does as it goes: it reads what Warden handed
 * it, maps a frame of its own at an address and unmaps it again, takes the
 * page fault that follows and handles it itself by mapping a fresh frame,
 * runs a function in ring 3 and comes back, and powers off.
 */
#include "guest/lib/console.h"
#include "guest/lib/pt.h"
#include "guest/lib/test.h"
#include "guest/lib/traps.h"
#include "guest/lib/user.h"
#include "guest/lib/x86.h"

static volatile uint32_t window[PAGE_SIZE / 4] PAGE_ALIGNED;
#define WINDOW	((uint32_t)(uintptr_t)window)

/* Our own #PF handler: a touch of the unmapped window gets a new frame. */
static void page_fault(struct cpu_regs *regs)
{
	uint32_t va = rcr2(), pfn;

	if (va != WINDOW)
		test_fatal("page fault at 0x%x (eip 0x%x)", va, regs->eip);
	pfn = pt_alloc_frame();
	printk("  #PF at 0x%x, error code 0x%x: our handler maps frame 0x%x there\n",
	       va, regs->error_code, pfn);
	if (pt_map(WINDOW, pfn, PTE_P | PTE_RW))
		test_fatal("cannot map frame 0x%x", pfn);
}

static __user_text uint32_t in_ring3(uint32_t x)
{
	uint16_t cs;

	__asm__ volatile("mov %%cs, %0" : "=r"(cs));
	return x * 100 + (cs & 3);
}

static void map_and_unmap(void)
{
	uint32_t pfn = pt_alloc_frame();

	if (pt_map(WINDOW, pfn, PTE_P | PTE_RW))
		test_fatal("cannot map frame 0x%x", pfn);
	window[0] = 0x1234;
	printk("mapped frame 0x%x at 0x%x, wrote 0x%x there\n", pfn, WINDOW, window[0]);
	if (pt_unmap(WINDOW))
		test_fatal("cannot unmap 0x%x", WINDOW);
	printk("unmapped 0x%x; touching it now\n", WINDOW);
	trap_set_hook(X86_EXC_PF, page_fault);
	if (window[0] != 0)
		test_fail("the fresh frame is not zeroed: 0x%x", window[0]);
	trap_set_hook(X86_EXC_PF, 0);
	printk("back from the fault: the new frame reads 0x%x\n", window[0]);
}

void test_main(void)
{
	uint32_t r;

	printk("hello from a paravirtual kernel in ring %u\n", read_cs() & 3);
	printk("Warden gave us %u pages, page tables at 0x%x, command line \"%s\"\n",
	       start_info->nr_pages, start_info->pt_base, start_info->cmd_line);
	map_and_unmap();
	r = user_exec(in_ring3, 42);
	printk("ran a function in ring %u, which returned %u to ring %u\n",
	       r % 100, r / 100, read_cs() & 3);
	printk("powering off\n");
}
