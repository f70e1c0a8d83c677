/*
 * string.h - the few C library memory and string functions Warden uses.
 *
 * Warden is freestanding, so it has no C library; lib/string.c provides
 * these.  The declarations match the C library's, so the same source also
 * builds against the host's libc in the unit tests.
 */
#ifndef LIB_STRING_H
#define LIB_STRING_H

#include <stddef.h>

void *memcpy(void *, const void *, size_t);
void *memset(void *, int, size_t);
void *memmove(void *, const void *, size_t);
int memcmp(const void *, const void *, size_t);
size_t strlen(const char *);
int strcmp(const char *, const char *);

#endif
