/*
 * protect.h - the kernel asks Warden to guard its system-call table.
 *
 * A rootkit's first move is to overwrite an entry of the system-call
 * table, so that a call the kernel trusts runs its code.  The kernel
 * cannot stop a write it makes itself -- through a bug, say -- but Warden
 * can: with the word "protect" on its command line the kernel asks Warden
 * (WATCH_OP_add, DOMID_SELF, by virtual address) to watch the table's
 * page, and every write into it then waits for the monitor's verdict.
 * It watches its log level too, which it does mean to change, so that the
 * monitor sees a legitimate write as well, and lets it through.
 *
 * Watches exist on Warden only: natively, "protect" would make the
 * hypercall trap, so the native runs never say it.
 */
#ifndef KERNEL_PROTECT_H
#define KERNEL_PROTECT_H

#include <stdbool.h>
#include <stdint.h>

/* Copy the table (for protect_check), and with "protect" in cmdline
 * watch the table and the log level, and set the log level. */
void protect_init(const char *cmdline);

/* After a write at addr: if it aimed at the system-call table, compare
 * the table with its copy and say in plain words whether it changed; a
 * change fails the test. */
void protect_check(uint32_t addr);

/* Whether line has the word w on its own. */
bool protect_has_word(const char *line, const char *w);

/* Have Warden watch len bytes of ours at p (a failure fails the test);
 * says so on the console, with the watch's id. */
void protect_watch(const char *what, const volatile void *p, uint32_t len);

#endif
