/*
 * format.h - Warden's printf-style formatter, used by printk and panic.
 *
 * It supports exactly what C's printf does for the conversions d i u x X o
 * c s p and %%, the flags - 0 + space #, field width and precision as digits
 * or '*', and the length modifiers hh h l ll z t j.  Where it differs:
 *
 *  - %p prints "0x" and then the pointer in lower-case hex, zero-padded to
 *    2 * sizeof(void *) digits ("0x0000000000001234" on a 64-bit host,
 *    "0x00001234" on i686; glibc prints "0x1234" and "(nil)" for NULL).
 *    Only the width and '-' apply to %p; other flags and the precision are
 *    ignored.
 *  - %s of NULL prints "(null)", cut by the precision like any string
 *    (glibc prints nothing at all when the precision is below 6).
 *  - An unsupported conversion (%k, %f, %n, %Lf, ...) is printed literally,
 *    from the '%' through the offending character, and consumes no argument,
 *    so a bad format can never make the formatter read a wrong va_arg.
 *  - %lc and %ls are treated as %c and %s: Warden has no wide characters.
 *
 * Where C leaves a flag undefined for a conversion ('#' on %d, '0' on %s,
 * a precision on %c), the flag is ignored, as glibc does.
 */
#ifndef LIB_FORMAT_H
#define LIB_FORMAT_H

#include <stdarg.h>
#include <stddef.h>

/*
 * Like C's vsnprintf: writes at most size-1 characters and a NUL (nothing if
 * size is 0); returns the length the whole output would have had, or -1 if
 * that length would exceed INT_MAX.
 */
int vsformat(char *buf, size_t size, const char *fmt, va_list ap);
int sformat(char *buf, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#endif
