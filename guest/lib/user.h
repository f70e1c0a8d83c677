/*
 * user.h - running a function in ring 3 and coming back.
 *
 * user_exec(fn, arg) enters ring 3 through the iret hypercall, on a user
 * stack, with ring-3 selectors, and calls fn(arg) there.  fn ends with a
 * plain return into a stub that executes `int $0x80`; that vector's handler
 * (DPL 3, so ring 3 may use it) drops the trap frame and returns from
 * user_exec in ring 1 with fn's result.
 *
 * Ring 3 can touch only pages with the U bit.  user_init() sets it on the
 * pages of the .user.* sections (guest.ld) and on no others, so code meant
 * for ring 3, and the data it touches, must be marked __user_text and
 * __user_data.  A ring-3 function must not call ordinary functions.
 */
#ifndef GUEST_LIB_USER_H
#define GUEST_LIB_USER_H

#include <stdint.h>

#define __user_text	__attribute__((section(".user.text"), noinline))
#define __user_data	__attribute__((section(".user.data")))

#define USER_RETURN_VECTOR	0x80

typedef uint32_t (*user_fn)(uint32_t arg);

/* Map the user sections user-accessible and register the way back. */
void user_init(void);

/* fn(arg) in ring 3; its result. */
uint32_t user_exec(user_fn fn, uint32_t arg);

extern char __user_start[], __user_end[];	/* guest.ld */

#endif
