/*
 * words.h - reading the monitor's command line and its shell's lines.
 *
 * Both are words separated by spaces.  A word is a piece of the line, not
 * a copy (pointer and length), so nothing is ever cut short: a word that
 * is too long for what it names is refused where it is used.  Numbers are
 * decimal, or hexadecimal after "0x", and must fill the word and fit their
 * type; anything else is refused, never half-read.
 */
#ifndef MONITOR_WORDS_H
#define MONITOR_WORDS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct word {
	const char *s;
	size_t len;
};

/* The next word from *line on, and *line past it; false at the end. */
bool word_next(const char **line, struct word *w);

/* Whether w is exactly s. */
bool word_is(struct word w, const char *s);

/* If w is "key=VALUE": true, and *value the part after '='. */
bool word_value(struct word w, const char *key, struct word *value);

/* w cut at its first c: *head before it, *tail after it; false if w has
 * no c (then *head is w and *tail empty). */
bool word_split(struct word w, char c, struct word *head, struct word *tail);

bool word_u32(struct word w, uint32_t *n);
bool word_u64(struct word w, uint64_t *n);

/* An address: a number, with a v in front if it is guest-virtual
 * (*virtual says which) rather than pseudo-physical. */
bool word_address(struct word w, bool *virtual, uint32_t *addr);

/* w into buf as a C string; false (and buf "") if it does not fit. */
bool word_copy(struct word w, char *buf, size_t size);

#endif
