/*
 * uaccess.h - reading what a program points the kernel at.
 *
 * A program may name its own memory below USER_TOP and the image's .user
 * pages (its code and constant strings); anything else is -EFAULT before
 * it is touched.  Inside those ranges a page may still be missing: each
 * read goes through the exception table (extable.h), so a missing page is
 * an error for the program, not a fault in the kernel.
 */
#ifndef KERNEL_UACCESS_H
#define KERNEL_UACCESS_H

#include <stdbool.h>
#include <stdint.h>

/* Whether the program may name len bytes at va at all. */
bool user_range(uint32_t va, uint32_t len);

/* Copy len bytes from the program's src; false if any is unreadable. */
bool copy_from_user(void *dst, uint32_t src, uint32_t len);

#endif
