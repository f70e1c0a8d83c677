/*
 * console.h - the emergency console: __HYPERVISOR_console_io(cmd, count,
 * buffer).
 *
 * CONSOLEIO_write prints count bytes from the guest-virtual buffer on
 * Warden's console; CONSOLEIO_read reads up to count bytes of input.  It
 * needs no setup, so it is what a guest uses before anything else works.
 */
#ifndef PUBLIC_CONSOLE_H
#define PUBLIC_CONSOLE_H

#define CONSOLEIO_write		0
#define CONSOLEIO_read		1

#endif
