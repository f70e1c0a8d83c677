/*
 * protect.c - watching the kernel's own system-call table (protect.h).
 */
#include "guest/kernel/protect.h"
#include "guest/kernel/syscall.h"
#include "guest/lib/console.h"
#include "guest/lib/pt.h"
#include "guest/lib/test.h"
#include "include/public/hypercall.h"
#include "include/public/warden.h"
#include "lib/string.h"

#define LOG_LEVEL_QUIET		1
#define LOG_LEVEL_CHATTY	2

/* The log level, alone on its page, so that watching it watches nothing
 * else.  (Initialised in the image: its one write is the legitimate one.) */
static volatile uint32_t log_level[PAGE_SIZE / 4] PAGE_ALIGNED = { LOG_LEVEL_QUIET };

static syscall_fn table_copy[SYSCALL_SLOTS];

bool protect_has_word(const char *line, const char *w)
{
	size_t n = strlen(w), len;

	for (; *line; line += len) {
		while (*line == ' ')
			line++;
		for (len = 0; line[len] && line[len] != ' '; len++)
			;
		if (len == n && memcmp(line, w, n) == 0)
			return true;
	}
	return false;
}

/* The direct `int $0x82` (include/public/hypercall.h), not the hypercall
 * page, which the native build of this kernel does not have. */
void protect_watch(const char *what, const volatile void *p, uint32_t len)
{
	struct warden_watch w = { DOMID_SELF, WATCH_WRITE, WATCH_ADDR_VIRTUAL,
				  (uint32_t)(uintptr_t)p, len, 0 };
	int32_t id = _hypercall2(__HYPERVISOR_warden_watch_op, WATCH_OP_add,
				 (uint32_t)(uintptr_t)&w);

	if (id <= 0)
		test_fail("Warden refused to watch %s: error %d", what, id);
	else
		printk("kernel: Warden watches %s (0x%x, %u bytes): watch %d\n", what,
		       w.addr, len, id);
}

void protect_init(const char *cmdline)
{
	memcpy(table_copy, syscall_table, sizeof(table_copy));
	if (!protect_has_word(cmdline, "protect"))
		return;
	protect_watch("the system-call table", syscall_table, sizeof(syscall_table));
	protect_watch("the log level", log_level, sizeof(log_level[0]));
	printk("kernel: raising the log level to %u (a watched write I mean to make)\n",
	       LOG_LEVEL_CHATTY);
	log_level[0] = LOG_LEVEL_CHATTY;
	printk("kernel: the log level is %u: %s\n", log_level[0],
	       log_level[0] == LOG_LEVEL_CHATTY ? "the write was allowed" :
						  "the write was refused");
}

void protect_check(uint32_t addr)
{
	uint32_t start = (uint32_t)(uintptr_t)syscall_table;

	if (addr - start >= sizeof(syscall_table))
		return;
	for (uint32_t i = 0; i < SYSCALL_SLOTS; i++) {
		if (syscall_table[i] != table_copy[i]) {
			test_fail("the system-call table was changed: entry %u is now 0x%x, was 0x%x",
				  i, (uint32_t)(uintptr_t)syscall_table[i],
				  (uint32_t)(uintptr_t)table_copy[i]);
			return;
		}
	}
	printk("kernel: the system-call table is intact: the monitor refused the write\n");
}
