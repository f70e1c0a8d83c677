/*
 * fpu-fresh: the FPU state a new domain finds.  Its first instruction
 * that touches the FPU is an FXSAVE of everything.
 *
 * Shows: a domain gets the state of a freshly initialised FPU -- control
 * word 0x37f, status 0, every x87 register empty and zero, MXCSR 0x1f80,
 * XMM registers zero -- even when it starts while other domains hold
 * values in the FPU (tests/boot/fpu-two starts it third, after two
 * fpu-keep domains have loaded theirs): nothing of theirs leaks.
 * Cannot show: the instruction and data pointers (fip, fdp: left as the
 * CPU had them), which FNINIT does not clear either.
 */
#include "guest/lib/fpu.h"
#include "guest/lib/test.h"

#define FCW_INIT	0x037f
#define MXCSR_INIT	0x1f80

static void all_zero(const char *what, const uint8_t *p, unsigned n)
{
	for (unsigned i = 0; i < n; i++)
		if (p[i]) {
			test_fail("%s: byte %u is 0x%x", what, i, p[i]);
			return;
		}
}

void test_main(void)
{
	static struct fxsave_area s;

	if (!fpu_has_sse())
		test_fatal("this CPU has no SSE or no FXSR");
	fpu_fxsave(&s);
	test_eq("x87 control word", s.fcw, FCW_INIT);
	test_eq("x87 status word", s.fsw, 0);
	test_eq("x87 tags (abridged: 0 is all empty)", s.ftw, 0);
	test_eq("MXCSR", (long)s.mxcsr, MXCSR_INIT);
	all_zero("x87 registers", &s.st[0][0], sizeof(s.st));
	all_zero("XMM registers", (const uint8_t *)s.xmm, sizeof(s.xmm));
}
