/*
 * proc.c - processes and the round-robin scheduler (proc.h), after xv6.
 *
 * The scheduler runs on the kernel's boot stack.  It picks the next
 * runnable process after the last one, switches to its address space
 * (vm_activate) and makes its kernel stack the one traps from ring 3 land
 * on (backend_kernel_stack, as a TSS's ESP0), then swtch()es to it.  The
 * process runs -- in ring 3, and in the kernel for its traps -- until it
 * gives the CPU back with sched(), which swtch()es to the scheduler again.
 * A process that exits becomes a zombie; the scheduler, no longer on its
 * stack or in its address space, then frees both.
 *
 * When no process can run but some sleep, the scheduler idles until the
 * first is due.  When none is left, proc_run_all() returns.
 *
 * How each process ended is checked against what its program is expected
 * to do (programs.c), and a mismatch fails the test.
 */
#include <stdarg.h>

#include "guest/kernel/proc.h"
#include "guest/kernel/abi.h"
#include "guest/kernel/frame.h"
#include "guest/kernel/mem.h"
#include "guest/lib/backend.h"
#include "guest/lib/console.h"
#include "guest/lib/test.h"
#include "lib/format.h"
#include "lib/string.h"

struct context {
	uint32_t edi, esi, ebx, ebp, eip;
};

void swtch(struct context **old, struct context *new);	/* swtch.S */
void proc_first_return(void);				/* swtch.S */

static struct proc procs[NPROC];
static struct proc *current;
static struct context *scheduler_context;
static unsigned last_run = NPROC - 1;	/* so slot 0 runs first */
static uint32_t next_pid = 1;
static struct proc_counts counts;
static bool announce = true;

struct proc *proc_current(void)
{
	return current;
}

struct proc_counts proc_counts(void)
{
	return counts;
}

void proc_announce(bool on)
{
	announce = on;
}

static struct proc *free_slot(void)
{
	for (unsigned i = 0; i < NPROC; i++)
		if (procs[i].state == UNUSED)
			return &procs[i];
	return 0;
}

/* The user stack, with user_start(main, arg)'s arguments above a return
 * address that is never used, and ESP + 4 16-byte aligned, as the ABI
 * wants.  The kernel writes them through its own mapping of the frame,
 * so the process's entry starts with neither A nor D. */
static int32_t user_stack(struct proc *p, uint32_t arg, uint32_t *esp)
{
	int32_t rc = mem_map(&p->vm, USER_STACK_TOP - USER_STACK_PAGES * PAGE_SIZE,
			     USER_STACK_PAGES, MAP_WRITE);
	volatile pte_t *top_entry;
	uint32_t *top;

	if (rc)
		return rc;
	top_entry = vm_pte(&p->vm, USER_STACK_TOP - PAGE_SIZE, false);
	top = (uint32_t *)frame_kva(pte_pfn(*top_entry)) + PAGE_SIZE / 4;
	top[-3] = arg;
	top[-4] = (uint32_t)(uintptr_t)p->prog->main;
	top[-5] = 0;
	*esp = USER_STACK_TOP - 5 * 4;
	return 0;
}

/* The kernel stack: a ring-3 trap frame at the top, as a trap from ring 3
 * would leave it, and under it a context that swtch "returns" through
 * proc_first_return into that frame. */
static void kernel_stack(struct proc *p, uint32_t user_esp)
{
	struct cpu_regs *regs = (struct cpu_regs *)(p->kstack + KSTACK_SIZE) - 1;
	struct context *c = (struct context *)regs - 1;

	memset(regs, 0, sizeof(*regs));
	backend_user_frame(regs, (uint32_t)(uintptr_t)user_start, user_esp);
	memset(c, 0, sizeof(*c));
	c->eip = (uint32_t)(uintptr_t)proc_first_return;
	p->context = c;
}

int32_t proc_spawn(uint32_t id, uint32_t arg)
{
	const struct program *prog = program_get(id);
	struct proc *p = free_slot();
	uint32_t esp;
	int32_t rc;

	if (!prog)
		return -EINVAL;
	if (!p)
		return -EAGAIN;
	if (!vm_create(&p->vm))
		return -ENOMEM;
	p->prog = prog;
	rc = user_stack(p, arg, &esp);
	if (rc) {
		vm_destroy(&p->vm);
		return rc;
	}
	kernel_stack(p, esp);
	p->pid = next_pid++;
	p->state = RUNNABLE;
	counts.spawned++;
	if (announce && current)
		printk("spawn pid %u (%s) by pid %u\n", p->pid, prog->name, current->pid);
	else if (announce)
		printk("spawn pid %u (%s)\n", p->pid, prog->name);
	return (int32_t)p->pid;
}

/* Give the CPU back to the scheduler; current's state says why. */
static void sched(void)
{
	swtch(&current->context, scheduler_context);
}

void proc_yield(void)
{
	current->state = RUNNABLE;
	sched();
}

void proc_sleep(uint32_t ticks)
{
	if (ticks == 0)
		return;
	current->wake = backend_ticks() + ticks;
	current->state = SLEEPING;
	sched();
}

/* The end of current: say how it ended, judge it, never run it again. */
_Noreturn static void finish(int32_t status, const char *killed)
{
	const struct program *prog = current->prog;
	uint32_t pid = current->pid;

	if (killed) {
		counts.killed++;
		printk("pid %u (%s) killed: %s\n", pid, prog->name, killed);
		if (prog->outcome != KILLED)
			test_fail("pid %u (%s) was killed: %s", pid, prog->name, killed);
	} else {
		counts.exited++;
		if (prog->outcome == CHECKSUM)
			printk("checksum %s 0x%08x\nexit pid %u (%s)\n", prog->name,
			       (uint32_t)status, pid, prog->name);
		else if (announce)
			printk("exit pid %u (%s) status %d\n", pid, prog->name, status);
		if (prog->outcome == KILLED || (prog->outcome == EXITS_0 && status != 0))
			test_fail("pid %u (%s) exited with status %d", pid, prog->name, status);
	}
	current->state = ZOMBIE;
	sched();
	test_fatal("pid %u ran after its end", pid);
}

_Noreturn void proc_exit(int32_t status)
{
	finish(status, 0);
}

_Noreturn void proc_kill(const char *fmt, ...)
{
	char why[128];
	va_list ap;

	va_start(ap, fmt);
	vsformat(why, sizeof(why), fmt, ap);
	va_end(ap);
	finish(-1, why);
}

static void wake_sleepers(uint64_t now)
{
	for (unsigned i = 0; i < NPROC; i++)
		if (procs[i].state == SLEEPING && procs[i].wake <= now)
			procs[i].state = RUNNABLE;
}

/* The next runnable process after the last one run, or NULL. */
static struct proc *pick(void)
{
	for (unsigned n = 1; n <= NPROC; n++) {
		unsigned i = (last_run + n) % NPROC;

		if (procs[i].state == RUNNABLE) {
			last_run = i;
			return &procs[i];
		}
	}
	return 0;
}

/* The earliest wake-up tick of a sleeper; 0 if nobody sleeps. */
static uint64_t first_wake(void)
{
	uint64_t first = 0;

	for (unsigned i = 0; i < NPROC; i++)
		if (procs[i].state == SLEEPING && (!first || procs[i].wake < first))
			first = procs[i].wake;
	return first;
}

static void run(struct proc *p)
{
	p->state = RUNNING;
	current = p;
	vm_activate(&p->vm);
	if (backend_kernel_stack((uint32_t)(uintptr_t)(p->kstack + KSTACK_SIZE)))
		test_fatal("pid %u: its kernel stack was refused", p->pid);
	swtch(&scheduler_context, p->context);
	current = 0;
	if (p->state == ZOMBIE) {
		vm_deactivate();
		vm_destroy(&p->vm);
		p->state = UNUSED;
	}
}

void proc_run_all(void)
{
	struct proc *p;
	uint64_t wake;

	for (;;) {
		wake_sleepers(backend_ticks());
		p = pick();
		if (p)
			run(p);
		else if ((wake = first_wake()) != 0)
			backend_idle(wake);
		else
			return;
	}
}
