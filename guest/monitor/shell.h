/*
 * shell.h - the monitor's shell, on the console.
 *
 * Warden gives the monitor the console's input: what is typed on the
 * serial line arrives with VIRQ_CONSOLE and is read with CONSOLEIO_read.
 * A line (ended by Enter) is one command; the shell prints it back after
 * "monitor> ", since Warden's console shows whole lines only, then runs
 * it.  `help` lists the commands.
 */
#ifndef MONITOR_SHELL_H
#define MONITOR_SHELL_H

#include <stdbool.h>

/* Bind VIRQ_CONSOLE; the port, which the caller waits on (< 0: none). */
long shell_init(void);

/* Run every whole line typed so far; false once `quit` has been typed. */
bool shell_poll(void);

#endif
