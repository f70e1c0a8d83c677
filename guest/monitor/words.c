/*
 * words.c - words, key=value words and numbers (words.h).
 */
#include "guest/monitor/words.h"

bool word_next(const char **line, struct word *w)
{
	const char *s = *line;

	while (*s == ' ')
		s++;
	w->s = s;
	while (*s && *s != ' ')
		s++;
	w->len = (size_t)(s - w->s);
	*line = s;
	return w->len > 0;
}

bool word_is(struct word w, const char *s)
{
	size_t i = 0;

	while (i < w.len && s[i] == w.s[i])
		i++;
	return i == w.len && s[i] == '\0';
}

bool word_value(struct word w, const char *key, struct word *value)
{
	struct word head;

	return word_split(w, '=', &head, value) && word_is(head, key);
}

bool word_split(struct word w, char c, struct word *head, struct word *tail)
{
	size_t i = 0;

	while (i < w.len && w.s[i] != c)
		i++;
	*head = (struct word){ w.s, i };
	*tail = i < w.len ? (struct word){ w.s + i + 1, w.len - i - 1 } :
			    (struct word){ w.s + w.len, 0 };
	return i < w.len;
}

static int digit(char c, unsigned base)
{
	int d = c >= '0' && c <= '9' ? c - '0' :
		c >= 'a' && c <= 'f' ? c - 'a' + 10 :
		c >= 'A' && c <= 'F' ? c - 'A' + 10 : 99;

	return d < (int)base ? d : -1;
}

bool word_u64(struct word w, uint64_t *n)
{
	unsigned base = 10;
	size_t i = 0;
	uint64_t v = 0;

	if (w.len > 2 && w.s[0] == '0' && (w.s[1] == 'x' || w.s[1] == 'X')) {
		base = 16;
		i = 2;
	}
	if (i == w.len)
		return false;
	for (; i < w.len; i++) {
		int d = digit(w.s[i], base);

		if (d < 0 || v > (UINT64_MAX - (uint64_t)d) / base)
			return false;
		v = v * base + (uint64_t)d;
	}
	*n = v;
	return true;
}

bool word_u32(struct word w, uint32_t *n)
{
	uint64_t v;

	if (!word_u64(w, &v) || v > UINT32_MAX)
		return false;
	*n = (uint32_t)v;
	return true;
}

bool word_address(struct word w, bool *virtual, uint32_t *addr)
{
	*virtual = w.len > 0 && w.s[0] == 'v';
	if (*virtual) {
		w.s++;
		w.len--;
	}
	return word_u32(w, addr);
}

bool word_copy(struct word w, char *buf, size_t size)
{
	if (size == 0)
		return false;
	if (w.len >= size) {
		buf[0] = '\0';
		return false;
	}
	for (size_t i = 0; i < w.len; i++)
		buf[i] = w.s[i];
	buf[w.len] = '\0';
	return true;
}
