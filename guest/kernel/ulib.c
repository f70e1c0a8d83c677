/*
 * ulib.c - the programs' helpers (ulib.h), in ring 3.
 */
#include "guest/kernel/ulib.h"

#define LINE	96

static __user_data char got_text[] = ": got ";
static __user_data char expected_text[] = ", expected ";
static __user_data char at_text[] = " at ";
static __user_data char hex_prefix[] = "0x";

static __user_fn uint32_t ustrlen(const char *s)
{
	uint32_t n = 0;

	while (s[n])
		n++;
	return n;
}

/* Append s to line (of length len), within LINE - 1 bytes; the new length. */
static __user_fn uint32_t append(char *line, uint32_t len, const char *s)
{
	while (*s && len < LINE - 1)
		line[len++] = *s++;
	return len;
}

static __user_fn uint32_t append_num(char *line, uint32_t len, int32_t n)
{
	char digits[12];
	uint32_t nd = 0, u = n < 0 ? 0u - (uint32_t)n : (uint32_t)n;

	do {
		digits[nd++] = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	if (n < 0)
		digits[nd++] = '-';
	while (nd && len < LINE - 1)
		line[len++] = digits[--nd];
	return len;
}

static __user_fn uint32_t append_hex(char *line, uint32_t len, uint32_t n)
{
	len = append(line, len, hex_prefix);
	for (int shift = 28; shift >= 0 && len < LINE - 1; shift -= 4) {
		uint32_t d = (n >> shift) & 0xf;

		line[len++] = (char)(d < 10 ? '0' + d : 'a' + d - 10);
	}
	return len;
}

__user_fn void user_start(program_main main, uint32_t arg)
{
	sys_exit(main(arg));
}

__user_fn void uputs(const char *s)
{
	sys_write(FD_CONSOLE, s, ustrlen(s));
}

/* One write, so the line is whole on the console. */
__user_fn void uputn(const char *s, int32_t n)
{
	char line[LINE];
	uint32_t len = append_num(line, append(line, 0, s), n);

	line[len++] = '\n';
	sys_write(FD_CONSOLE, line, len);
}

__user_fn void uexpect(const char *what, int32_t got, int32_t want)
{
	char line[LINE];
	uint32_t len;

	if (got == want)
		return;
	len = append(line, 0, what);
	len = append_num(line, append(line, len, got_text), got);
	len = append_num(line, append(line, len, expected_text), want);
	sys_write(FD_FAILURE, line, len);
}

__user_fn void uexpect_at(const char *what, uint32_t at, uint32_t got, uint32_t want)
{
	char line[LINE];
	uint32_t len;

	if (got == want)
		return;
	len = append_hex(line, append(line, append(line, 0, what), at_text), at);
	len = append_hex(line, append(line, len, got_text), got);
	len = append_hex(line, append(line, len, expected_text), want);
	sys_write(FD_FAILURE, line, len);
}

__user_fn uint32_t fnv_bytes(uint32_t h, const volatile void *p, uint32_t n)
{
	const volatile uint8_t *b = p;

	for (uint32_t i = 0; i < n; i++)
		h = (h ^ b[i]) * 16777619u;
	return h;
}

__user_fn uint32_t fnv_word(uint32_t h, uint32_t w)
{
	return fnv_bytes(h, &w, sizeof(w));
}
