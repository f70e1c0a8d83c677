/*
 * console.h - printk, Warden's one way to say something.
 *
 * Every layer may call printk and panic (core/panic.h): they are the one
 * exception to "each layer uses only the layers below it".
 */
#ifndef CORE_CONSOLE_H
#define CORE_CONSOLE_H

#include <stdarg.h>

/* Formats as C's printf does (lib/format.h) and writes to COM1. */
void printk(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void vprintk(const char *fmt, va_list ap);

#endif
