/*
 * reason.h - why something was refused, as a line of text.
 */
#ifndef LIB_REASON_H
#define LIB_REASON_H

#include <stdarg.h>

/*
 * Format a reason ("segment 2 ends past the end of the file") and return
 * it.  The text lives in one of a few rotating buffers: it stays good
 * while the caller prints or copies it, through the next few reasons made
 * by anyone.  Every checker in Warden (ELF images, Xen notes, multiboot
 * information, page-table entries, guest walks) returns its refusals so.
 */
const char *reason(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
const char *vreason(const char *fmt, va_list ap);

#endif
