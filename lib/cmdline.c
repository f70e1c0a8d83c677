/*
 * cmdline.c - key=value words, the format of every command line Warden
 * reads (its own, and later each domain's).  The last occurrence wins, as
 * with Linux's command line, so an option appended by a test overrides a
 * default earlier in the line.
 */
#include "lib/cmdline.h"

static const char *skip_spaces(const char *s)
{
	while (*s == ' ')
		s++;
	return s;
}

static size_t word_length(const char *s)
{
	size_t n = 0;

	while (s[n] && s[n] != ' ')
		n++;
	return n;
}

/* Whether word (of length len) is "key=...". */
static bool word_has_key(const char *word, size_t len, const char *key)
{
	size_t k = 0;

	while (key[k] && k < len && word[k] == key[k])
		k++;
	return key[k] == '\0' && k < len && word[k] == '=';
}

bool cmdline_has(const char *line, const char *word)
{
	size_t word_len = 0;

	while (word[word_len])
		word_len++;
	for (const char *w = skip_spaces(line); *w; w = skip_spaces(w + word_length(w))) {
		size_t len = word_length(w), k = 0;

		while (k < len && k < word_len && w[k] == word[k])
			k++;
		if (k == len && k == word_len)
			return true;
	}
	return false;
}

bool cmdline_get(const char *line, const char *key, char *value, size_t size)
{
	const char *found = 0;
	size_t found_len = 0, key_len = 0;

	while (key[key_len])
		key_len++;
	for (const char *w = skip_spaces(line); *w; w = skip_spaces(w + word_length(w))) {
		size_t len = word_length(w);

		if (word_has_key(w, len, key)) {
			found = w + key_len + 1;
			found_len = len - key_len - 1;
		}
	}
	if (size > 0)
		value[0] = '\0';
	if (!found || found_len >= size)
		return false;
	for (size_t i = 0; i < found_len; i++)
		value[i] = found[i];
	value[found_len] = '\0';
	return true;
}
