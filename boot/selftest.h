/*
 * selftest.h - test-only faults inside Warden, chosen on its command line
 * with selftest=NAME, so boot tests can check the panic report.
 */
#ifndef BOOT_SELFTEST_H
#define BOOT_SELFTEST_H

#include <stdbool.h>
#include <stdint.h>

/* Run the selftest the command line names, if any; most never return. */
void selftest_run(const char *cmdline);

/* selftest=overlap-modules: corrupt the loader's module list at mbi (phys
 * maps a physical address) so it must be parsed again; true if it did. */
bool selftest_overlap_modules(const char *cmdline, uint8_t *mbi,
			      uint8_t *(*phys)(uint32_t pa));

#endif
