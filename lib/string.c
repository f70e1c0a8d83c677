/*
 * string.c - the C library's memory functions, for freestanding Warden.
 * GCC may also emit calls to memcpy and memset itself (struct copies), so
 * these must exist with exactly these names.
 *
 * memcpy and memset are on every hot path (trap frames, zeroed frames), so
 * they use the string instructions: a 4 KiB memset is 1,024 `stosl`
 * iterations in one instruction, not 4,096 trips round a C loop.  The
 * direction flag is clear in Warden (the trap stub does `cld`).
 */
#include <stdint.h>

#include "lib/string.h"

void *memcpy(void *dst, const void *src, size_t n)
{
	void *d = dst;
	const void *s = src;
	size_t words = n / 4, bytes = n % 4;

	__asm__ volatile("rep movsl\n\t"
			 "movl %[bytes], %%ecx\n\t"
			 "rep movsb"
			 : "+D"(d), "+S"(s), "+c"(words)
			 : [bytes] "r"(bytes)
			 : "memory");
	return dst;
}

void *memmove(void *dst, const void *src, size_t n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;

	if (d <= s || d >= s + n)
		return memcpy(dst, src, n);
	while (n--)		/* overlapping, destination above: copy down */
		d[n] = s[n];
	return dst;
}

void *memset(void *dst, int c, size_t n)
{
	void *d = dst;
	uint32_t pattern = (uint8_t)c * 0x01010101u;
	size_t words = n / 4, bytes = n % 4;

	__asm__ volatile("rep stosl\n\t"
			 "movl %[bytes], %%ecx\n\t"
			 "rep stosb"
			 : "+D"(d), "+c"(words)
			 : "a"(pattern), [bytes] "r"(bytes)
			 : "memory");
	return dst;
}

int memcmp(const void *a, const void *b, size_t n)
{
	const unsigned char *x = a, *y = b;

	for (; n; n--, x++, y++)
		if (*x != *y)
			return *x - *y;
	return 0;
}

size_t strlen(const char *s)
{
	size_t n = 0;

	while (s[n])
		n++;
	return n;
}

int strcmp(const char *a, const char *b)
{
	while (*a && *a == *b) {
		a++;
		b++;
	}
	return (unsigned char)*a - (unsigned char)*b;
}
