/*
 * console.h - printing from a guest: formatted text on Warden's console.
 *
 * Warden prints each of our lines with "[name] " in front, so a line is
 * the unit: end every message with '\n'.
 */
#ifndef GUEST_LIB_CONSOLE_H
#define GUEST_LIB_CONSOLE_H

#include <stdarg.h>

/* printf's format (lib/format.h), at most 255 characters a call. */
void printk(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void vprintk(const char *fmt, va_list ap);

#endif
