/*
 * selftest.h - test-only faults inside Warden, chosen on its command line
 * with selftest=NAME, so boot tests can check the panic report.
 */
#ifndef BOOT_SELFTEST_H
#define BOOT_SELFTEST_H

/* Run the selftest the command line names, if any; most never return. */
void selftest_run(const char *cmdline);

#endif
