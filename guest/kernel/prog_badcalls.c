/*
 * prog_badcalls.c - system calls with bad arguments get errors, and
 * nothing else happens: the process goes on, and a map that cannot
 * finish gives back every frame it took (the kernel checks at the end
 * that all came back).
 */
#include "guest/kernel/memlayout.h"
#include "guest/kernel/ulib.h"

#define UNMAPPED	0x00800000u
#define MAPPED		0x10000000u
#define KERNEL		0xc0000000u
#define TOO_MANY	(POOL_FRAMES + 1)

static __user_data char msg[] = "badcalls: this is fine\n";
static __user_data char t_nosys[] = "unknown system call";
static __user_data char t_zero[] = "system call 0";
static __user_data char t_fd[] = "write to fd 7";
static __user_data char t_kernel[] = "write from kernel memory";
static __user_data char t_unmapped[] = "write from an unmapped page";
static __user_data char t_wrap[] = "write with a length that wraps";
static __user_data char t_good[] = "write";
static __user_data char t_spawn[] = "spawn of program 99";
static __user_data char t_misaligned[] = "map misaligned";
static __user_data char t_low[] = "map below USER_BASE";
static __user_data char t_top[] = "map across USER_TOP";
static __user_data char t_zero_pages[] = "map 0 pages";
static __user_data char t_flags[] = "map with unknown flags";
static __user_data char t_map[] = "map";
static __user_data char t_again[] = "map over a mapped page";
static __user_data char t_nomem[] = "map more than there is";
static __user_data char t_after[] = "map after running out";
static __user_data char t_unmap_kernel[] = "unmap kernel memory";
static __user_data char t_unmap_none[] = "unmap nothing mapped";
static __user_data char t_share_none[] = "share an unmapped page";
static __user_data char t_share_flags[] = "share with no flags";
static __user_data char t_share_ro[] = "share a read-only page writable";
static __user_data char t_flags_kernel[] = "pteflags of kernel memory";
static __user_data char t_flags_none[] = "pteflags of an unmapped page";
static __user_data char t_sleep[] = "sleep 0";

static __user_fn void bad_writes(void)
{
	uexpect(t_fd, sys_write(7, msg, 4), -EBADF);
	uexpect(t_kernel, sys_write(FD_CONSOLE, (void *)KERNEL, 4), -EFAULT);
	uexpect(t_unmapped, sys_write(FD_CONSOLE, (void *)UNMAPPED, 4), -EFAULT);
	uexpect(t_wrap, sys_write(FD_CONSOLE, msg, 0xfffffff0u), -EFAULT);
	uexpect(t_good, sys_write(FD_CONSOLE, msg, sizeof(msg) - 1), sizeof(msg) - 1);
}

static __user_fn void bad_maps(void)
{
	uexpect(t_misaligned, sys_map(MAPPED + 1, 1, MAP_WRITE), -EINVAL);
	uexpect(t_low, sys_map(0x1000, 1, MAP_WRITE), -EINVAL);
	uexpect(t_top, sys_map(KERNEL - UPAGE, 2, MAP_WRITE), -EINVAL);
	uexpect(t_zero_pages, sys_map(MAPPED, 0, MAP_WRITE), -EINVAL);
	uexpect(t_flags, sys_map(MAPPED, 1, 4), -EINVAL);
	uexpect(t_map, sys_map(MAPPED, 1, MAP_WRITE), 0);
	uexpect(t_again, sys_map(MAPPED - UPAGE, 2, MAP_WRITE), -EEXIST);
	uexpect(t_nomem, sys_map(0x20000000, TOO_MANY, MAP_WRITE), -ENOMEM);
	uexpect(t_after, sys_map(MAPPED - UPAGE, 1, MAP_WRITE), 0);
	uexpect(t_unmap_kernel, sys_unmap(KERNEL, 1), -EINVAL);
	uexpect(t_unmap_none, sys_unmap(UNMAPPED, 4), 0);
}

static __user_fn void bad_shares(void)
{
	uexpect(t_share_none, sys_share(MAPPED + 4 * UPAGE, UNMAPPED, SHARE_COW), -EFAULT);
	uexpect(t_share_flags, sys_share(MAPPED + 4 * UPAGE, MAPPED, 0), -EINVAL);
	uexpect(t_map, sys_map(MAPPED + 8 * UPAGE, 1, 0), 0);
	uexpect(t_share_ro, sys_share(MAPPED + 4 * UPAGE, MAPPED + 8 * UPAGE, SHARE_WRITE),
		-EINVAL);
	uexpect(t_flags_kernel, sys_pteflags(KERNEL, 0), -EINVAL);
	uexpect(t_flags_none, sys_pteflags(UNMAPPED, 0), 0);
}

__user_fn int32_t badcalls_main(uint32_t arg)
{
	(void)arg;
	uexpect(t_nosys, syscall3(SYS_COUNT + 100, 0, 0, 0), -ENOSYS);
	uexpect(t_zero, syscall3(0, 0, 0, 0), -ENOSYS);
	bad_writes();
	uexpect(t_spawn, sys_spawn(99, 0), -EINVAL);
	bad_maps();
	bad_shares();
	uexpect(t_sleep, sys_sleep(0), 0);
	return 0;
}
