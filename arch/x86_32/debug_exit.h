/*
 * debug_exit.h - power QEMU off with a status (exit_status.h).
 */
#ifndef ARCH_X86_32_DEBUG_EXIT_H
#define ARCH_X86_32_DEBUG_EXIT_H

/* Never returns: on a machine without QEMU's isa-debug-exit device (real
 * hardware, or QEMU started without it) the CPU halts instead. */
_Noreturn void debug_exit(unsigned status);

#endif
