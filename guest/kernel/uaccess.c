/*
 * uaccess.c - reading a program's memory (uaccess.h).  One byte at a time
 * under the exception table: slow, and enough for a console line.
 */
#include "guest/kernel/uaccess.h"
#include "guest/kernel/memlayout.h"
#include "guest/lib/extable.h"
#include "guest/lib/user.h"

static bool inside(uint32_t va, uint32_t len, uint32_t start, uint32_t end)
{
	return va >= start && va < end && len <= end - va;
}

bool user_range(uint32_t va, uint32_t len)
{
	return inside(va, len, USER_BASE, USER_TOP) ||
	       inside(va, len, (uint32_t)(uintptr_t)__user_start,
		      (uint32_t)(uintptr_t)__user_end);
}

/* One byte, or false if nothing is mapped there for us. */
static bool get_byte(uint32_t va, uint8_t *out)
{
	uint32_t exinfo = 0;
	uint8_t v = 0;

	__asm__ volatile("1: movb (%[va]), %[v]\n2:\n" EXTABLE(1b, 2b)
			 : "+a"(exinfo), [v] "+q"(v) : [va] "r"(va) : "memory");
	*out = v;
	return exinfo == 0;
}

bool copy_from_user(void *dst, uint32_t src, uint32_t len)
{
	uint8_t *d = dst;

	if (!user_range(src, len))
		return false;
	for (uint32_t i = 0; i < len; i++)
		if (!get_byte(src + i, &d[i]))
			return false;
	return true;
}
