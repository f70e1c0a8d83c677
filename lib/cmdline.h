/*
 * cmdline.h - reading key=value options from a command line.
 */
#ifndef LIB_CMDLINE_H
#define LIB_CMDLINE_H

#include <stdbool.h>
#include <stddef.h>

/*
 * Copy the value of the last "key=value" word in line into value[size]
 * and return true; false if there is none, or if the value does not fit
 * (then value is ""). Words are separated by spaces; words without '='
 * (QEMU puts the kernel's path first) are skipped.
 */
bool cmdline_get(const char *line, const char *key, char *value, size_t size);

/* Whether line has the word `word` on its own (no "="). */
bool cmdline_has(const char *line, const char *word);

#endif
