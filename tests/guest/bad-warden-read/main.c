/*
 * bad-warden-read: reads the address its command line names (addr=0x...),
 * an address of Warden's that no guest address space maps (its image past
 * the switcher region, its map slots).  Warden must crash this domain.
 * (contain-warden-read)
 */
#include "guest/lib/console.h"
#include "guest/lib/test.h"
#include "lib/string.h"

static uint32_t hex_arg(const char *s, const char *key)
{
	size_t n = strlen(key);
	uint32_t v = 0;

	for (; *s; s++)
		if (memcmp(s, key, n) == 0 && s[n] == '0' && s[n + 1] == 'x')
			break;
	if (!*s)
		test_fatal("no %s0x... on the command line", key);
	for (s += n + 2; (*s >= '0' && *s <= '9') || (*s >= 'a' && *s <= 'f'); s++)
		v = v << 4 | (uint32_t)(*s <= '9' ? *s - '0' : *s - 'a' + 10);
	return v;
}

void test_main(void)
{
	uint32_t va = hex_arg(start_info->cmd_line, "addr=");

	printk("reading 0x%x\n", va);
	printk("read 0x%x\n", *(volatile uint32_t *)(uintptr_t)va);
	test_fail("read Warden's 0x%x", va);
}
