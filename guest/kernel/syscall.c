/*
 * syscall.c - system calls: the gate, the table, the calls.
 *
 * `int $0x80` is registered with DPL 3, the one vector ring 3 may raise
 * on purpose; on Warden it is a trap-table entry, so the system call
 * goes to our handler as a bounced trap.  The handler runs on the
 * caller's kernel stack (proc.c) and may switch away from it (yield,
 * sleep, exit) and come back later; what it returns goes into the
 * caller's EAX on the way back to ring 3.
 */
#include "guest/kernel/syscall.h"
#include "guest/kernel/abi.h"
#include "guest/kernel/mem.h"
#include "guest/kernel/poke.h"
#include "guest/kernel/proc.h"
#include "guest/kernel/uaccess.h"
#include "guest/lib/backend.h"
#include "guest/lib/test.h"
#include "guest/lib/traps.h"

#define WRITE_CHUNK	128

static int32_t sys_exit(const uint32_t *arg)
{
	proc_exit((int32_t)arg[0]);
}

/* To the console as it is; to FD_FAILURE, the first line fails the test.
 * A page missing in the middle ends it with -EFAULT, after what came
 * before it was written. */
static int32_t sys_write(const uint32_t *arg)
{
	char buf[WRITE_CHUNK + 1];
	uint32_t fd = arg[0], src = arg[1], len = arg[2];
	uint32_t n;

	if (fd != FD_CONSOLE && fd != FD_FAILURE)
		return -EBADF;
	if (!user_range(src, len))
		return -EFAULT;
	for (uint32_t done = 0; done < len; done += n) {
		n = len - done < WRITE_CHUNK ? len - done : WRITE_CHUNK;
		if (!copy_from_user(buf, src + done, n))
			return -EFAULT;
		if (fd == FD_CONSOLE) {
			backend_console_write(buf, n);
			continue;
		}
		buf[n > 0 && buf[n - 1] == '\n' ? n - 1 : n] = '\0';
		test_fail("pid %u (%s): %s", proc_current()->pid,
			  proc_current()->prog->name, buf);
		return (int32_t)len;
	}
	return (int32_t)len;
}

static int32_t sys_getpid(const uint32_t *arg)
{
	(void)arg;
	return (int32_t)proc_current()->pid;
}

static int32_t sys_spawn(const uint32_t *arg)
{
	return proc_spawn(arg[0], arg[1]);
}

static int32_t sys_yield(const uint32_t *arg)
{
	(void)arg;
	proc_yield();
	return 0;
}

static int32_t sys_sleep(const uint32_t *arg)
{
	proc_sleep(arg[0]);
	return 0;
}

static int32_t sys_map(const uint32_t *arg)
{
	return mem_map(&proc_current()->vm, arg[0], arg[1], arg[2]);
}

static int32_t sys_unmap(const uint32_t *arg)
{
	return mem_unmap(&proc_current()->vm, arg[0], arg[1]);
}

static int32_t sys_share(const uint32_t *arg)
{
	return mem_share(&proc_current()->vm, arg[0], arg[1], arg[2]);
}

static int32_t sys_pteflags(const uint32_t *arg)
{
	return mem_pteflags(&proc_current()->vm, arg[0], arg[1]);
}

__attribute__((section(".data.syscall_table"), aligned(PAGE_SIZE)))
syscall_fn syscall_table[SYSCALL_SLOTS] = {
	[SYS_exit]	= sys_exit,
	[SYS_write]	= sys_write,
	[SYS_getpid]	= sys_getpid,
	[SYS_spawn]	= sys_spawn,
	[SYS_yield]	= sys_yield,
	[SYS_sleep]	= sys_sleep,
	[SYS_map]	= sys_map,
	[SYS_unmap]	= sys_unmap,
	[SYS_share]	= sys_share,
	[SYS_pteflags]	= sys_pteflags,
	[SYS_poke]	= poke_handler,
};
_Static_assert(sizeof(syscall_table) == PAGE_SIZE, "the table fills its page");

static void syscall_trap(struct cpu_regs *regs)
{
	uint32_t arg[3] = { regs->ebx, regs->ecx, regs->edx };
	syscall_fn fn = regs->eax < SYSCALL_SLOTS ? syscall_table[regs->eax] : 0;

	if (!regs_from_ring3(regs))
		test_fatal("int $0x80 from the kernel, at 0x%x", regs->eip);
	regs->eax = (uint32_t)(fn ? fn(arg) : -ENOSYS);
}

void syscall_init(void)
{
	trap_set_hook(SYSCALL_VECTOR, syscall_trap);
	if (trap_register(SYSCALL_VECTOR, 3))
		test_fatal("the system-call gate was refused");
}
