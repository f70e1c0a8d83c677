/*
 * exit_status.h - what Warden's exit status means.
 *
 * Warden powers QEMU off by writing a status byte v to the isa-debug-exit
 * device (port 0xf4); QEMU then exits with (v << 1) | 1.  Every status is
 * odd and at least 33, so it can never be confused with QEMU's own 0 (a
 * triple fault under -no-reboot), 1 (QEMU could not start) or timeout's 124.
 * The README has the same table; keep them in step.
 */
#ifndef ARCH_X86_32_EXIT_STATUS_H
#define ARCH_X86_32_EXIT_STATUS_H

#define EXIT_PORT		0xf4

#define EXIT_OK			0x10	/* QEMU 33: ran to the end, and every
					 * domain shut down with poweroff */
#define EXIT_PANIC		0x11	/* QEMU 35: Warden's own fault or bug */
#define EXIT_BAD_BOOT		0x12	/* QEMU 37: unusable boot information */
#define EXIT_BAD_CPU		0x13	/* QEMU 39: CPU lacks PAE or NX */
#define EXIT_DOMAIN_FAILED	0x14	/* QEMU 41: a domain crashed or did
					 * not shut down with poweroff */

/* The status QEMU reports for a Warden status. */
#define QEMU_STATUS(v)		(((v) << 1) | 1)

#endif
