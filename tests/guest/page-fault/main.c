/*
 * page-fault: the guest's own page faults, with the error code and CR2 its
 * own page tables call for, as a table.
 *
 * Shows: reads, writes and fetches, from ring 1 and from ring 3, of pages
 * that are not present, read-only, no-execute, or supervisor-only, fault
 * (or not) exactly as a CPU walking our tables would fault: P, W, U and
 * I/D bits in the error code, CR2 the address touched.  Warden's shadows
 * differ from our tables (they start empty, and hold machine frames), so
 * every line is also a check that a shadow miss is never shown to us.
 * Cannot show: the reserved-bit fault (Warden refuses such entries before
 * they are written).
 */
#include "guest/lib/probe.h"
#include "guest/lib/pt.h"
#include "guest/lib/test.h"

enum { NP, RO, RW, NX, USER, USER_RO, USER_NX, PAGES };

static uint8_t pages[PAGES][PAGE_SIZE] PAGE_ALIGNED;

static const uint64_t rights[PAGES] = {
	[NP] = 0,
	[RO] = PTE_P,
	[RW] = PTE_P | PTE_RW,
	[NX] = PTE_P | PTE_RW | PTE_NX,
	[USER] = PTE_P | PTE_RW | PTE_US,
	[USER_RO] = PTE_P | PTE_US,
	[USER_NX] = PTE_P | PTE_RW | PTE_US | PTE_NX,
};

#define VA(p)	((uint32_t)(uintptr_t)pages[p])
#define R	PROBE_READ
#define W	PROBE_WRITE
#define X	PROBE_EXEC
#define U	PROBE_USER
#define PF(ec)	EXINFO_PF(ec)

static const struct fault_case cases[] = {
	{ "not present", R, VA(NP), PF(0) },
	{ "not present", W, VA(NP), PF(PF_W) },
	{ "not present", X, VA(NP), PF(PF_ID) },
	{ "read-only", R, VA(RO), 0 },
	{ "read-only", W, VA(RO), PF(PF_P | PF_W) },
	{ "read-only", X, VA(RO), 0 },
	{ "writable", W, VA(RW), 0 },
	{ "no-execute", R, VA(NX), 0 },
	{ "no-execute", X, VA(NX), PF(PF_P | PF_ID) },
	{ "supervisor page", U | R, VA(RW), PF(PF_P | PF_U) },
	{ "supervisor page", U | W, VA(RW), PF(PF_P | PF_W | PF_U) },
	{ "supervisor page", U | X, VA(RW), PF(PF_P | PF_U | PF_ID) },
	{ "not present", U | R, VA(NP), PF(PF_U) },
	{ "user page", U | R, VA(USER), 0 },
	{ "user page", U | W, VA(USER), 0 },
	{ "user page", U | X, VA(USER), 0 },
	{ "user read-only", U | W, VA(USER_RO), PF(PF_P | PF_W | PF_U) },
	{ "user read-only", W, VA(USER_RO), PF(PF_P | PF_W) },
	{ "user no-execute", U | X, VA(USER_NX), PF(PF_P | PF_U | PF_ID) },
	{ "user page, from ring 1", R, VA(USER), 0 },
};

void test_main(void)
{
	for (unsigned p = 0; p < PAGES; p++) {
		pages[p][0] = 0xc3;	/* ret: what an exec probe runs */
		if (pt_map(VA(p), virt_to_pfn(pages[p]), rights[p]))
			test_fatal("cannot map page %u", p);
	}
	expect_cases(cases, sizeof(cases) / sizeof(cases[0]));
}
