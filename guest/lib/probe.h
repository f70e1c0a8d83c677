/*
 * probe.h - "this access faults with this exception": one access at a
 * time, from ring 1 or ring 3, checked against what a test expects.
 *
 * A probe makes one access (a 4-byte read, a 1-byte write, or a call to the
 * address, which must then hold a `ret`) under the exception table,
 * and returns "no fault" (0) or the exinfo of its fault (extable.h).  With
 * PROBE_USER it runs in ring 3 through user_exec.  expect_fault() also
 * checks CR2 for a page fault, and reports a mismatch as a failure, so a
 * test can be a table of struct fault_case lines.
 *
 * The write stores 0xc3, `ret`, so that a page an exec probe calls still
 * holds a `ret` after a write probe.
 */
#ifndef GUEST_LIB_PROBE_H
#define GUEST_LIB_PROBE_H

#include <stdbool.h>
#include <stdint.h>

#include "guest/lib/extable.h"

enum probe_access {
	PROBE_READ,
	PROBE_WRITE,
	PROBE_EXEC,
};
#define PROBE_USER	0x10	/* or-ed in: from ring 3 */

struct fault_case {
	const char *what;
	unsigned access;	/* enum probe_access, maybe | PROBE_USER */
	uint32_t va;
	uint32_t exinfo;	/* EXINFO_PF(error code) etc., or 0: no fault */
};

uint32_t probe(unsigned access, uint32_t va);

/* Does the access do what the case says?  Reports a failure if not. */
bool expect_case(const struct fault_case *c);
bool expect_fault(const char *what, unsigned access, uint32_t va, uint32_t exinfo);
void expect_cases(const struct fault_case *cases, unsigned n);

#endif
