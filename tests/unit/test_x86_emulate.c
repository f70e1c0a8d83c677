/*
 * test_x86_emulate.c - x86_emulate, with the CPU itself as the oracle.
 *
 * A 32-bit program (built with the i686 compiler, run on this x86 host):
 * for each instruction in the tables below and many register, flag and
 * memory states (random, with edge values: carries, overflows, zero
 * results, bit offsets far outside the operand, REP with ECX = 0, DF = 1),
 * it runs the instruction bytes for real, from an executable page, through
 * a small trampoline that loads every register and EFLAGS from a struct
 * and stores them back; and it emulates the same bytes on a copy of the
 * memory.  Registers, the flags the SDM defines for the instruction, EIP
 * and all of the test memory must come out the same.  Memory operands
 * point into a data region mapped, like the code page, below 64 KiB, so
 * 16-bit addressing and 16-bit CALLs can run too.
 *
 * Then, without the oracle: a failed callback leaves the registers alone,
 * a REP instruction keeps its completed iterations on a fault and stops
 * after X86_EMU_REP_MAX, what is not emulated is refused untouched, and
 * each operand is one callback of its size.
 *
 * Cannot show: behaviour this CPU does not have (flags the SDM leaves
 * undefined are masked, since CPUs differ there), segment bases other
 * than 0, the emulator inside Warden (the boot tests do that), atomicity.
 * If the low addresses cannot be mapped (vm.mmap_min_addr above 0x4000),
 * the cases that need them fail, each saying why.
 */
#define _GNU_SOURCE
#include <setjmp.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>

#include "arch/x86_32/x86emu/x86emu.h"
#include "tests/unit/unit.h"

#ifndef MAP_FIXED_NOREPLACE
#define MAP_FIXED_NOREPLACE	0x100000
#endif

#define COUNT(a)	(sizeof(a) / sizeof((a)[0]))
#define PAGE		0x1000u
#define EXEC_WANTED	0x4000u		/* the code page, below 64 KiB */
#define DATA_WANTED	0x7000u		/* the data region, below 64 KiB */
#define DATA_SIZE	0x4000u
#define MID		0x2000u		/* data pointers aim here (offset) */
#define WINDOW		0x400u		/* random bytes within MID +- WINDOW */
#define INSN_AT		0x800u		/* the instruction's offset in its page */
#define STUB_SIZE	15u
#define ITERATIONS	1000

static uint8_t *exec_page, *data;
static bool low_memory;		/* both mapped where wanted */

static uint32_t addr(const void *p)
{
	return (uint32_t)(uintptr_t)p;
}

/* ---- running one instruction on the CPU ------------------------------ */

/* The trampoline's registers in and out, and its bookkeeping. */
struct x86_regs native_regs;
uint32_t native_host_esp, native_code, native_exit_eip;
void run_native(void);
void native_exit(void);

/*
 * run_native saves the host's registers, loads EFLAGS and the eight
 * registers from native_regs (ESP last) and jumps to native_code.  The
 * instruction there is followed by an exit stub (put_exit_stub), which
 * records its own address as the EIP reached and jumps to native_exit:
 * that stores the registers, returns to the host stack, stores EFLAGS and
 * restores the host.
 */
__asm__(".text\n"
	".globl run_native\n"
	"run_native:\n"
	"	pushal\n"
	"	pushfl\n"
	"	movl %esp, native_host_esp\n"
	"	pushl native_regs+36\n"
	"	popfl\n"
	"	movl native_regs+0, %eax\n"
	"	movl native_regs+4, %ecx\n"
	"	movl native_regs+8, %edx\n"
	"	movl native_regs+12, %ebx\n"
	"	movl native_regs+20, %ebp\n"
	"	movl native_regs+24, %esi\n"
	"	movl native_regs+28, %edi\n"
	"	movl native_regs+16, %esp\n"
	"	jmp *native_code\n"
	".globl native_exit\n"
	"native_exit:\n"
	"	movl %eax, native_regs+0\n"
	"	movl %ecx, native_regs+4\n"
	"	movl %edx, native_regs+8\n"
	"	movl %ebx, native_regs+12\n"
	"	movl %esp, native_regs+16\n"
	"	movl %ebp, native_regs+20\n"
	"	movl %esi, native_regs+24\n"
	"	movl %edi, native_regs+28\n"
	"	movl native_host_esp, %esp\n"
	"	pushfl\n"
	"	popl native_regs+36\n"
	"	popfl\n"
	"	popal\n"
	"	ret\n");

/* At p: movl $p, native_exit_eip; jmp native_exit.  Touches no flags. */
static void put_exit_stub(uint8_t *p)
{
	uint32_t here = addr(p), rel = addr(native_exit) - (here + STUB_SIZE);
	uint32_t slot = addr(&native_exit_eip);

	p[0] = 0xc7;
	p[1] = 0x05;
	memcpy(p + 2, &slot, 4);
	memcpy(p + 6, &here, 4);
	p[10] = 0xe9;
	memcpy(p + 11, &rel, 4);
}

static sigjmp_buf native_jmp;

static void on_signal(int sig)
{
	siglongjmp(native_jmp, sig);
}

/* Signals arrive on their own stack: ESP points into test memory. */
static void catch_signals(void)
{
	static uint8_t alt[65536];
	stack_t ss = { .ss_sp = alt, .ss_size = sizeof(alt) };
	struct sigaction sa = { .sa_handler = on_signal,
				.sa_flags = SA_ONSTACK | SA_NODEFER };

	sigaltstack(&ss, NULL);
	sigaction(SIGSEGV, &sa, NULL);
	sigaction(SIGTRAP, &sa, NULL);
	sigaction(SIGILL, &sa, NULL);
	sigaction(SIGBUS, &sa, NULL);
}

/*
 * Run bytes at exec_page + INSN_AT with *regs; the exit stub sits at
 * stub_eip, where the emulator said the instruction goes next, and the
 * rest of the page is INT3.  Returns 0, or the signal that stopped it.
 */
static int run_on_cpu(const uint8_t *bytes, unsigned n, uint32_t stub_eip,
		      struct x86_regs *regs)
{
	memset(exec_page, 0xcc, PAGE);
	memcpy(exec_page + INSN_AT, bytes, n);
	put_exit_stub(exec_page + (stub_eip - addr(exec_page)));
	native_regs = *regs;
	native_code = addr(exec_page + INSN_AT);
	native_exit_eip = 0;
	int sig = sigsetjmp(native_jmp, 1);
	if (sig)
		return sig;
	run_native();
	*regs = native_regs;
	regs->eip = native_exit_eip;
	return 0;
}

/* ---- memory for the emulator ------------------------------------------ */

struct memory {
	uint8_t *bytes;
	uint32_t base, size;
	uint32_t fault_from;	/* accesses reaching here fail */
	unsigned reads, writes, last_len;
};

static bool inside(const struct memory *m, uint32_t va, unsigned len)
{
	uint32_t end = m->base + m->size;

	if (m->fault_from < end)
		end = m->fault_from;

	return va >= m->base && va <= end && len <= end - va;
}

static int mem_read(void *ctx, uint32_t va, void *buf, unsigned len)
{
	struct memory *m = ctx;

	m->reads++;
	m->last_len = len;
	if (!inside(m, va, len))
		return 1;
	memcpy(buf, m->bytes + (va - m->base), len);
	return 0;
}

static int mem_write(void *ctx, uint32_t va, const void *buf, unsigned len)
{
	struct memory *m = ctx;

	m->writes++;
	m->last_len = len;
	if (!inside(m, va, len))
		return 1;
	memcpy(m->bytes + (va - m->base), buf, len);
	return 0;
}

/* ---- the cases ----------------------------------------------------------- */

/* What a register holds at the start. */
enum role {
	RANDOM,		/* anything, often an edge value */
	PTR,		/* near the middle of the data region */
	PTR_LOW,	/* the same in bits 15:0, random above: 16-bit addressing */
	PTR_HALF,	/* bits 15:0 near half the middle: two add up to it */
	SMALL,		/* 0-16, often 0: REP counts, indexes */
	SMALL_LOW,	/* the same in bits 15:0, random above */
	BITOFF,		/* a signed bit offset, at most 2048 either way */
	BITOFF_LOW,	/* the same in bits 15:0, random above */
	CODE,		/* an address in the code page past the instruction */
};

struct native_case {
	const char *text;	/* hex bytes; MM: the middle's address, 4 bytes */
	const char *name;
	uint32_t undefined;	/* flags the SDM leaves undefined */
	uint8_t role[8];
	uint8_t code_at;	/* 1 + a register whose target holds a CODE value */
	bool low;		/* needs the low mappings */
};

#define LOGIC		X86_EFLAGS_AF
#define BITS		(X86_EFLAGS_OF | X86_EFLAGS_SF | X86_EFLAGS_AF | X86_EFLAGS_PF)
#define AT_EBX		.role = { [X86_EBX] = PTR }
#define ANY_REGS	.role = { RANDOM }
#define BIT_AT_EBX	.role = { [X86_EBX] = PTR, [X86_EAX] = BITOFF }	/* [ebx], eax */

static const struct native_case alu_cases[] = {
	{ "00 03", "add [ebx], al", 0, AT_EBX },
	{ "01 03", "add [ebx], eax", 0, AT_EBX },
	{ "66 01 03", "add [ebx], ax", 0, AT_EBX },
	{ "01 d8", "add eax, ebx", 0, ANY_REGS },
	{ "10 23", "adc [ebx], ah", 0, AT_EBX },
	{ "11 43 10", "adc [ebx+16], eax", 0, AT_EBX },
	{ "66 11 03", "adc [ebx], ax", 0, AT_EBX },
	{ "18 03", "sbb [ebx], al", 0, AT_EBX },
	{ "19 0c 8b", "sbb [ebx+ecx*4], ecx", 0,
	  .role = { [X86_EBX] = PTR, [X86_ECX] = SMALL } },
	{ "28 3e", "sub [esi], bh", 0, .role = { [X86_ESI] = PTR } },
	{ "29 1e", "sub [esi], ebx", 0, .role = { [X86_ESI] = PTR } },
	{ "66 29 1e", "sub [esi], bx", 0, .role = { [X86_ESI] = PTR } },
	{ "20 03", "and [ebx], al", LOGIC, AT_EBX },
	{ "21 03", "and [ebx], eax", LOGIC, AT_EBX },
	{ "08 03", "or [ebx], al", LOGIC, AT_EBX },
	{ "09 44 24 fc", "or [esp-4], eax", LOGIC, .role = { [X86_ESP] = PTR } },
	{ "30 03", "xor [ebx], al", LOGIC, AT_EBX },
	{ "66 31 03", "xor [ebx], ax", LOGIC, AT_EBX },
	{ "31 c3", "xor ebx, eax", LOGIC, ANY_REGS },
	{ "80 03 7f", "add byte [ebx], 0x7f", 0, AT_EBX },
	{ "80 0b f0", "or byte [ebx], 0xf0", LOGIC, AT_EBX },
	{ "80 13 ff", "adc byte [ebx], 0xff", 0, AT_EBX },
	{ "80 1b 01", "sbb byte [ebx], 1", 0, AT_EBX },
	{ "80 23 0f", "and byte [ebx], 0x0f", LOGIC, AT_EBX },
	{ "80 2b 80", "sub byte [ebx], 0x80", 0, AT_EBX },
	{ "80 33 ff", "xor byte [ebx], 0xff", LOGIC, AT_EBX },
	{ "82 03 05", "add byte [ebx], 5 (82)", 0, AT_EBX },
	{ "81 03 78 56 34 12", "add [ebx], 0x12345678", 0, AT_EBX },
	{ "81 1b ff ff ff 7f", "sbb [ebx], 0x7fffffff", 0, AT_EBX },
	{ "66 81 2b 34 12", "sub word [ebx], 0x1234", 0, AT_EBX },
	{ "81 23 00 ff 00 ff", "and [ebx], 0xff00ff00", LOGIC, AT_EBX },
	{ "83 03 ff", "add [ebx], -1", 0, AT_EBX },
	{ "83 13 01", "adc [ebx], 1", 0, AT_EBX },
	{ "66 83 2b 80", "sub word [ebx], -128", 0, AT_EBX },
	{ "83 33 80", "xor [ebx], -128", LOGIC, AT_EBX },
	{ "83 0b 01", "or [ebx], 1", LOGIC, AT_EBX },
};

static const struct native_case unary_cases[] = {
	{ "fe 03", "inc byte [ebx]", 0, AT_EBX },
	{ "fe 0b", "dec byte [ebx]", 0, AT_EBX },
	{ "ff 03", "inc dword [ebx]", 0, AT_EBX },
	{ "66 ff 0b", "dec word [ebx]", 0, AT_EBX },
	{ "ff 43 fc", "inc dword [ebx-4]", 0, AT_EBX },
	{ "ff c8", "dec eax", 0, ANY_REGS },
	{ "f6 13", "not byte [ebx]", 0, AT_EBX },
	{ "f7 13", "not dword [ebx]", 0, AT_EBX },
	{ "66 f7 13", "not word [ebx]", 0, AT_EBX },
	{ "f6 1b", "neg byte [ebx]", 0, AT_EBX },
	{ "f7 1b", "neg dword [ebx]", 0, AT_EBX },
	{ "66 f7 1b", "neg word [ebx]", 0, AT_EBX },
	{ "f7 dc", "neg esp", 0, ANY_REGS },
};

static const struct native_case mov_cases[] = {
	{ "88 03", "mov [ebx], al", 0, AT_EBX },
	{ "88 23", "mov [ebx], ah", 0, AT_EBX },
	{ "89 03", "mov [ebx], eax", 0, AT_EBX },
	{ "66 89 03", "mov [ebx], ax", 0, AT_EBX },
	{ "89 84 8b 00 01 00 00", "mov [ebx+ecx*4+0x100], eax", 0,
	  .role = { [X86_EBX] = PTR, [X86_ECX] = SMALL } },
	{ "89 04 24", "mov [esp], eax", 0, .role = { [X86_ESP] = PTR } },
	{ "89 5d f8", "mov [ebp-8], ebx", 0, .role = { [X86_EBP] = PTR } },
	{ "c6 03 ab", "mov byte [ebx], 0xab", 0, AT_EBX },
	{ "c7 03 78 56 34 12", "mov dword [ebx], 0x12345678", 0, AT_EBX },
	{ "66 c7 03 34 12", "mov word [ebx], 0x1234", 0, AT_EBX },
	{ "c7 05 MM 78 56 34 12", "mov dword [mid], 0x12345678", 0, ANY_REGS },
	{ "a2 MM", "mov [mid], al", 0, ANY_REGS },
	{ "a3 MM", "mov [mid], eax", 0, ANY_REGS },
	{ "66 a3 MM", "mov [mid], ax", 0, ANY_REGS },
	{ "3e 89 03", "mov ds:[ebx], eax", 0, AT_EBX },
	{ "26 89 03", "mov es:[ebx], eax", 0, AT_EBX },
	{ "36 88 03", "mov ss:[ebx], al", 0, AT_EBX },
};

static const struct native_case exchange_cases[] = {
	{ "86 03", "xchg [ebx], al", 0, AT_EBX },
	{ "87 03", "xchg [ebx], eax", 0, AT_EBX },
	{ "66 87 1b", "xchg [ebx], bx", 0, AT_EBX },
	{ "87 d8", "xchg eax, ebx", 0, ANY_REGS },
	{ "0f b0 0b", "cmpxchg [ebx], cl", 0, AT_EBX },
	{ "0f b1 0b", "cmpxchg [ebx], ecx", 0, AT_EBX },
	{ "66 0f b1 0b", "cmpxchg [ebx], cx", 0, AT_EBX },
	{ "0f b1 d9", "cmpxchg ecx, ebx", 0, ANY_REGS },
	{ "0f c7 0b", "cmpxchg8b [ebx]", 0, AT_EBX },
	{ "0f c7 4b 04", "cmpxchg8b [ebx+4]", 0, AT_EBX },
	{ "0f c0 0b", "xadd [ebx], cl", 0, AT_EBX },
	{ "0f c1 0b", "xadd [ebx], ecx", 0, AT_EBX },
	{ "66 0f c1 0b", "xadd [ebx], cx", 0, AT_EBX },
	{ "0f c1 c0", "xadd eax, eax", 0, ANY_REGS },
};

static const struct native_case lock_cases[] = {
	{ "f0 01 03", "lock add [ebx], eax", 0, AT_EBX },
	{ "f0 80 33 01", "lock xor byte [ebx], 1", LOGIC, AT_EBX },
	{ "f0 ff 0b", "lock dec dword [ebx]", 0, AT_EBX },
	{ "f0 f7 1b", "lock neg dword [ebx]", 0, AT_EBX },
	{ "f0 87 03", "lock xchg [ebx], eax", 0, AT_EBX },
	{ "f0 0f b1 0b", "lock cmpxchg [ebx], ecx", 0, AT_EBX },
	{ "f0 0f c7 0b", "lock cmpxchg8b [ebx]", 0, AT_EBX },
	{ "f0 0f c1 0b", "lock xadd [ebx], ecx", 0, AT_EBX },
	{ "f0 0f b3 03", "lock btr [ebx], eax", BITS, BIT_AT_EBX },
	{ "f0 0f ba 2b 07", "lock bts dword [ebx], 7", BITS, AT_EBX },
};

static const struct native_case bit_cases[] = {
	{ "0f ab 03", "bts [ebx], eax", BITS, BIT_AT_EBX },
	{ "0f b3 03", "btr [ebx], eax", BITS, BIT_AT_EBX },
	{ "0f bb 03", "btc [ebx], eax", BITS, BIT_AT_EBX },
	{ "66 0f ab 03", "bts [ebx], ax", BITS,
	  .role = { [X86_EBX] = PTR, [X86_EAX] = BITOFF_LOW } },
	{ "66 0f bb 0b", "btc [ebx], cx", BITS,
	  .role = { [X86_EBX] = PTR, [X86_ECX] = BITOFF_LOW } },
	{ "0f ab c3", "bts ebx, eax", BITS, ANY_REGS },
	{ "66 0f b3 c3", "btr bx, ax", BITS, ANY_REGS },
	{ "0f ba 2b 05", "bts dword [ebx], 5", BITS, AT_EBX },
	{ "0f ba 33 25", "btr dword [ebx], 37", BITS, AT_EBX },
	{ "0f ba 3b ff", "btc dword [ebx], 255", BITS, AT_EBX },
	{ "66 0f ba 2b 1f", "bts word [ebx], 31", BITS, AT_EBX },
	{ "0f ba f8 21", "btc eax, 33", BITS, ANY_REGS },
};

static const struct native_case setcc_cases[] = {
	{ "0f 90 03", "seto [ebx]", 0, AT_EBX },  { "0f 91 03", "setno [ebx]", 0, AT_EBX },
	{ "0f 92 03", "setb [ebx]", 0, AT_EBX },  { "0f 93 03", "setae [ebx]", 0, AT_EBX },
	{ "0f 94 03", "sete [ebx]", 0, AT_EBX },  { "0f 95 03", "setne [ebx]", 0, AT_EBX },
	{ "0f 96 03", "setbe [ebx]", 0, AT_EBX }, { "0f 97 03", "seta [ebx]", 0, AT_EBX },
	{ "0f 98 03", "sets [ebx]", 0, AT_EBX },  { "0f 99 03", "setns [ebx]", 0, AT_EBX },
	{ "0f 9a 03", "setp [ebx]", 0, AT_EBX },  { "0f 9b 03", "setnp [ebx]", 0, AT_EBX },
	{ "0f 9c 03", "setl [ebx]", 0, AT_EBX },  { "0f 9d 03", "setge [ebx]", 0, AT_EBX },
	{ "0f 9e 03", "setle [ebx]", 0, AT_EBX }, { "0f 9f 03", "setg [ebx]", 0, AT_EBX },
	{ "0f 94 c4", "sete ah", 0, ANY_REGS },
};

#define STRING_ROLES	.role = { [X86_ESI] = PTR, [X86_EDI] = PTR, [X86_ECX] = SMALL }

static const struct native_case string_cases[] = {
	{ "a4", "movsb", 0, STRING_ROLES },
	{ "a5", "movsd", 0, STRING_ROLES },
	{ "66 a5", "movsw", 0, STRING_ROLES },
	{ "aa", "stosb", 0, STRING_ROLES },
	{ "ab", "stosd", 0, STRING_ROLES },
	{ "66 ab", "stosw", 0, STRING_ROLES },
	{ "f3 a4", "rep movsb", 0, STRING_ROLES },
	{ "f3 a5", "rep movsd", 0, STRING_ROLES },
	{ "f3 66 a5", "rep movsw", 0, STRING_ROLES },
	{ "f3 aa", "rep stosb", 0, STRING_ROLES },
	{ "f3 ab", "rep stosd", 0, STRING_ROLES },
	{ "66 f3 ab", "rep stosw", 0, STRING_ROLES },
	{ "f2 ab", "repne stosd", 0, STRING_ROLES },
	{ "2e f3 a5", "rep movsd cs:[esi]", 0, STRING_ROLES },
};

#define STACK_ROLES	.role = { [X86_ESP] = PTR, [X86_EBX] = PTR }

static const struct native_case stack_cases[] = {
	{ "50", "push eax", 0, STACK_ROLES },
	{ "53", "push ebx", 0, STACK_ROLES },
	{ "54", "push esp", 0, STACK_ROLES },
	{ "57", "push edi", 0, STACK_ROLES },
	{ "66 55", "push bp", 0, STACK_ROLES },
	{ "68 78 56 34 12", "push 0x12345678", 0, STACK_ROLES },
	{ "66 68 34 12", "push word 0x1234", 0, STACK_ROLES },
	{ "6a 80", "push -128", 0, STACK_ROLES },
	{ "66 6a ff", "push word -1", 0, STACK_ROLES },
	{ "ff 33", "push dword [ebx]", 0, STACK_ROLES },
	{ "ff 34 24", "push dword [esp]", 0, STACK_ROLES },
	{ "ff 74 24 fc", "push dword [esp-4]", 0, STACK_ROLES },
	{ "66 ff 33", "push word [ebx]", 0, STACK_ROLES },
	{ "ff f1", "push ecx (ff /6)", 0, STACK_ROLES },
	{ "e8 20 00 00 00", "call +0x20", 0, STACK_ROLES },
	{ "e8 00 01 00 00", "call +0x100", 0, STACK_ROLES },
	{ "e8 f0 fe ff ff", "call -0x110", 0, STACK_ROLES },
	{ "ff d0", "call eax", 0, .role = { [X86_ESP] = PTR, [X86_EAX] = CODE } },
	{ "ff 13", "call [ebx]", 0, STACK_ROLES, .code_at = 1 + X86_EBX },
	{ "ff 14 24", "call [esp]", 0, STACK_ROLES, .code_at = 1 + X86_ESP },
};

/* 16-bit addressing and operands that need the low mappings. */
static const struct native_case low_cases[] = {
	{ "67 89 00", "mov [bx+si], eax", 0,
	  .role = { [X86_EBX] = PTR_HALF, [X86_ESI] = PTR_HALF }, .low = true },
	{ "67 01 47 10", "add [bx+16], eax", 0,
	  .role = { [X86_EBX] = PTR_LOW }, .low = true },
	{ "67 66 89 46 fc", "mov [bp-4], ax", 0,
	  .role = { [X86_EBP] = PTR_LOW }, .low = true },
	{ "67 88 61 fe", "mov [bx+di-2], ah", 0,
	  .role = { [X86_EBX] = PTR_HALF, [X86_EDI] = PTR_HALF }, .low = true },
	{ "67 0f ab 05", "bts [di], eax", BITS,
	  .role = { [X86_EDI] = PTR_LOW, [X86_EAX] = BITOFF }, .low = true },
	{ "67 a3 mm", "mov [mid16], eax", 0, ANY_REGS, .low = true },
	{ "67 c7 06 mm 78 56 34 12", "mov dword [mid16], 0x12345678", 0,
	  ANY_REGS, .low = true },
	{ "67 f3 aa", "rep stosb (di, cx)", 0,
	  .role = { [X86_EDI] = PTR_LOW, [X86_ECX] = SMALL_LOW }, .low = true },
	{ "67 f3 a5", "rep movsd (si, di, cx)", 0,
	  .role = { [X86_ESI] = PTR_LOW, [X86_EDI] = PTR_LOW, [X86_ECX] = SMALL_LOW },
	  .low = true },
	{ "67 ab", "stosd (di)", 0, .role = { [X86_EDI] = PTR_LOW }, .low = true },
	{ "66 e8 20 00", "call word +0x20", 0, STACK_ROLES, .low = true },
	{ "66 ff d0", "call ax", 0,
	  .role = { [X86_ESP] = PTR, [X86_EAX] = CODE }, .low = true },
	{ "67 ff 37", "push dword [bx]", 0,
	  .role = { [X86_ESP] = PTR, [X86_EBX] = PTR_LOW }, .low = true },
};

/* ---- setting up a state ------------------------------------------------ */

static uint32_t rng_state = 0x2545f491;

static uint32_t rnd(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 17;
	rng_state ^= rng_state << 5;
	return rng_state;
}

static uint32_t edge_value(void)
{
	static const uint32_t edges[] = {
		0, 1, 2, 0x7f, 0x80, 0xff, 0x100, 0x7fff, 0x8000, 0xffff, 0x10000,
		0x7fffffff, 0x80000000, 0x80000001, 0xfffffffe, 0xffffffff,
	};

	return rnd() % 2 ? edges[rnd() % COUNT(edges)] : rnd();
}

/* A signed bit offset, with the edges around 0 and whole operands likely. */
static uint32_t bit_offset(void)
{
	static const int32_t edges[] = {
		0, 1, -1, 15, 16, -16, -17, 31, 32, -32, -33, 63, 64,
	};

	if (rnd() % 3 == 0)
		return (uint32_t)edges[rnd() % COUNT(edges)];
	return (uint32_t)((int32_t)(rnd() % 4096) - 2048);
}

static uint32_t low16(uint32_t value)
{
	return (rnd() & 0xffff0000u) | (value & 0xffff);
}

static uint32_t role_value(enum role role)
{
	uint32_t mid = addr(data) + MID;

	switch (role) {
	case PTR:		return mid + rnd() % 64;
	case PTR_LOW:		return low16(mid + rnd() % 64);
	case PTR_HALF:		return low16(mid / 2 + rnd() % 32);
	case SMALL:		return rnd() % 4 == 0 ? 0 : rnd() % 17;
	case SMALL_LOW:		return low16(rnd() % 4 == 0 ? 0 : rnd() % 17);
	case BITOFF:		return bit_offset();
	case BITOFF_LOW:	return low16(bit_offset());
	case CODE:		return addr(exec_page) + 0xc00 + rnd() % 0x100;
	default:		return edge_value();
	}
}

static void put32(uint32_t va, uint32_t value)
{
	memcpy(data + (va - addr(data)), &value, 4);
}

static uint32_t get32(uint32_t va)
{
	uint32_t v;

	memcpy(&v, data + (va - addr(data)), 4);
	return v;
}

/*
 * Random registers, flags and memory around the middle; often an edge
 * value at a pointer's target, and often EAX (EDX), unless they have a
 * role, equal to the memory there, so that CMPXCHG succeeds and SUB and
 * XOR give 0.
 */
static void set_up(const struct native_case *c, struct x86_regs *r)
{
	int ptr = -1;

	for (unsigned i = 0; i < DATA_SIZE; i++)
		data[i] = (i >= MID - WINDOW && i < MID + WINDOW) ? (uint8_t)rnd() : 0;
	for (unsigned i = 0; i < 8; i++) {
		r->gpr[i] = role_value(c->role[i]);
		if (c->role[i] == PTR && ptr < 0)
			ptr = (int)i;
	}
	r->eflags = 0x202 | (rnd() & (X86_EFLAGS_ARITH | X86_EFLAGS_DF));
	if (ptr >= 0 && rnd() % 2)
		put32(r->gpr[ptr], edge_value());
	if (ptr >= 0 && rnd() % 3 == 0) {
		if (c->role[X86_EAX] == RANDOM)
			r->gpr[X86_EAX] = get32(r->gpr[ptr]);
		if (c->role[X86_EDX] == RANDOM)
			r->gpr[X86_EDX] = get32(r->gpr[ptr] + 4);
	}
	if (c->code_at)
		put32(r->gpr[c->code_at - 1], role_value(CODE));
	r->eip = addr(exec_page) + INSN_AT;
}

/* ---- one case: emulate, run, compare ------------------------------------- */

/* Hex bytes; "MM" is the middle's address in 4 bytes, "mm" in 2. */
static unsigned parse(const char *text, uint8_t *out)
{
	uint32_t mid = addr(data) + MID;
	unsigned n = 0;
	char *end;

	while (*text) {
		while (*text == ' ')
			text++;
		if (text[0] == 'M' || text[0] == 'm') {
			unsigned size = text[0] == 'M' ? 4 : 2;

			memcpy(out + n, &mid, size);
			n += size;
			text += 2;
			continue;
		}
		out[n++] = (uint8_t)strtoul(text, &end, 16);
		text = end;
	}
	return n;
}

static int failures_shown;

static void show(const char *what, const struct native_case *c,
		 const struct x86_regs *in, const struct x86_regs *emu,
		 const struct x86_regs *cpu)
{
	if (failures_shown++ >= 8)
		return;
	printf("  %s (%s): %s\n", c->name, c->text, what);
	printf("    in : eflags %08x", in->eflags);
	for (unsigned i = 0; i < 8; i++)
		printf(" %08x", in->gpr[i]);
	printf("\n    emu: eflags %08x", emu->eflags);
	for (unsigned i = 0; i < 8; i++)
		printf(" %08x", emu->gpr[i]);
	printf(" eip %08x\n    cpu: eflags %08x", emu->eip, cpu->eflags);
	for (unsigned i = 0; i < 8; i++)
		printf(" %08x", cpu->gpr[i]);
	printf(" eip %08x\n", cpu->eip);
}

static void show_memory(const uint8_t *copy)
{
	for (unsigned i = 0; i < DATA_SIZE; i++) {
		if (copy[i] != data[i]) {
			printf("    memory at %08x: emu %02x, cpu %02x\n",
			       addr(data) + i, copy[i], data[i]);
			return;
		}
	}
}

static bool stub_fits(uint32_t eip, unsigned n)
{
	uint32_t at = eip - addr(exec_page);

	return at <= PAGE - STUB_SIZE && (at >= INSN_AT + n || at + STUB_SIZE <= INSN_AT);
}

static bool same_result(const struct native_case *c, const struct x86_regs *emu,
			const struct x86_regs *cpu, const uint8_t *copy)
{
	uint32_t flags = (X86_EFLAGS_ARITH | X86_EFLAGS_DF) & ~c->undefined;

	return memcmp(emu->gpr, cpu->gpr, sizeof(emu->gpr)) == 0 &&
	       emu->eip == cpu->eip && ((emu->eflags ^ cpu->eflags) & flags) == 0 &&
	       memcmp(copy, data, DATA_SIZE) == 0;
}

/* One state: returns false (having said why) if emulator and CPU differ. */
static bool run_once(const struct native_case *c, const uint8_t *bytes, unsigned n,
		     const struct x86_insn *insn)
{
	static uint8_t copy[DATA_SIZE];
	struct memory m = { copy, addr(data), DATA_SIZE, UINT32_MAX, 0, 0, 0 };
	const struct x86_mem_ops ops = { &m, mem_read, mem_write };
	struct x86_regs in, emu, cpu;
	int rc, sig;

	set_up(c, &in);
	memcpy(copy, data, DATA_SIZE);
	emu = cpu = in;
	rc = x86_emulate(insn, &emu, &ops);
	if (rc != X86_EMU_OK || !stub_fits(emu.eip, n)) {
		show(rc != X86_EMU_OK ? "emulation failed" : "EIP off the page",
		     c, &in, &emu, &cpu);
		return false;
	}
	sig = run_on_cpu(bytes, n, emu.eip, &cpu);
	if (sig || !same_result(c, &emu, &cpu, copy)) {
		show(sig ? "the CPU took a signal" : "results differ", c, &in, &emu, &cpu);
		show_memory(copy);
		return false;
	}
	return true;
}

static void run_cases(const struct native_case *cases, unsigned count)
{
	for (unsigned i = 0; i < count; i++) {
		const struct native_case *c = &cases[i];
		struct x86_insn insn;
		uint8_t bytes[16];
		unsigned n;

		if (c->low && !low_memory) {
			/* The case cannot run here: that is a failure, not a
			 * pass, so a machine that cannot run it says so. */
			printf("  %s needs memory below 64 KiB (vm.mmap_min_addr <= 0x4000)\n",
			       c->text);
			CHECK(low_memory);
			continue;
		}
		n = parse(c->text, bytes);
		CHECK_EQ(x86_decode(bytes, n, &insn), 0);
		CHECK_EQ(insn.length, n);
		for (unsigned k = 0; k < ITERATIONS && insn.length == n; k++) {
			if (!run_once(c, bytes, n, &insn)) {
				CHECK(!"emulator and CPU agree");
				break;
			}
		}
	}
}

static void test_alu(void) { run_cases(alu_cases, COUNT(alu_cases)); }
static void test_unary(void) { run_cases(unary_cases, COUNT(unary_cases)); }
static void test_mov(void) { run_cases(mov_cases, COUNT(mov_cases)); }
static void test_exchange(void) { run_cases(exchange_cases, COUNT(exchange_cases)); }
static void test_lock(void) { run_cases(lock_cases, COUNT(lock_cases)); }
static void test_bits(void) { run_cases(bit_cases, COUNT(bit_cases)); }
static void test_setcc(void) { run_cases(setcc_cases, COUNT(setcc_cases)); }
static void test_string(void) { run_cases(string_cases, COUNT(string_cases)); }
static void test_stack(void) { run_cases(stack_cases, COUNT(stack_cases)); }
static void test_low(void) { run_cases(low_cases, COUNT(low_cases)); }

/* ---- without the oracle ---------------------------------------------------- */

static uint8_t small_mem[256];

/* Emulate text with regs on small_mem at 0x1000, failing from fault_from. */
static int emulate_text(const char *text, struct x86_regs *regs, struct memory *m,
			uint32_t fault_from)
{
	const struct x86_mem_ops ops = { m, mem_read, mem_write };
	struct x86_insn insn;
	uint8_t bytes[16];
	unsigned n = parse(text, bytes);

	*m = (struct memory){ small_mem, 0x1000, sizeof(small_mem), fault_from, 0, 0, 0 };
	CHECK_EQ(x86_decode(bytes, n, &insn), 0);
	return x86_emulate(&insn, regs, &ops);
}

static void test_fault_changes_nothing(void)
{
	static const char *const texts[] = {
		"89 03", "01 03", "0f c1 0b", "87 03", "0f ab 03", "0f c7 0b",
		"a5", "ab", "50", "e8 00 00 00 00", "ff 33", "0f 94 03",
	};

	for (unsigned i = 0; i < COUNT(texts); i++) {
		/* Every register points just past the memory that works. */
		struct x86_regs r = { .gpr = { 0x1080, 0x1080, 0x1080, 0x1080, 0x1084,
					       0x1080, 0x1080, 0x1080 }, 0x5000, 0x2d7 };
		struct x86_regs before = r;
		struct memory m;

		CHECK_EQ(emulate_text(texts[i], &r, &m, 0x1080), X86_EMU_FAULT);
		CHECK(memcmp(&r, &before, sizeof(r)) == 0);
	}
}

static void test_rep_fault_keeps_progress(void)
{
	/* rep stosd, 10 dwords from 0x1074: the fourth reaches 0x1080. */
	struct x86_regs r = { .gpr = { [X86_EAX] = 0x11223344, [X86_ECX] = 10,
				       [X86_EDI] = 0x1074 }, 0x5000, 0x202 };
	struct memory m;

	memset(small_mem, 0, sizeof(small_mem));
	CHECK_EQ(emulate_text("f3 ab", &r, &m, 0x1080), X86_EMU_FAULT);
	CHECK_EQ(r.gpr[X86_ECX], 7);
	CHECK_EQ(r.gpr[X86_EDI], 0x1080);
	CHECK_EQ(r.eip, 0x5000);
	CHECK_EQ(small_mem[0x7c], 0x44);
	/* Backwards (DF = 1) from 0x1008: 0x1008, 0x1004, 0x1000, then 0xffc. */
	r = (struct x86_regs){ .gpr = { [X86_ECX] = 5, [X86_ESI] = 0x1010,
					[X86_EDI] = 0x1008 }, 0x5000, 0x602 };
	CHECK_EQ(emulate_text("f3 a5", &r, &m, UINT32_MAX), X86_EMU_FAULT);
	CHECK_EQ(r.gpr[X86_ECX], 2);
	CHECK_EQ(r.gpr[X86_ESI], 0x1004);
	CHECK_EQ(r.gpr[X86_EDI], 0xffc);
	CHECK_EQ(r.eip, 0x5000);
}

static void test_rep_stops_at_max(void)
{
	static uint8_t big[3 * X86_EMU_REP_MAX];
	const struct x86_mem_ops ops = { NULL, mem_read, mem_write };
	struct memory m = { big, 0x100000, sizeof(big), UINT32_MAX, 0, 0, 0 };
	struct x86_regs r = { .gpr = { [X86_EAX] = 0xab,
				       [X86_ECX] = 2 * X86_EMU_REP_MAX + 5,
				       [X86_EDI] = 0x100000 }, 0x5000, 0x202 };
	struct x86_mem_ops o = ops;
	struct x86_insn insn;

	o.ctx = &m;
	CHECK_EQ(x86_decode((const uint8_t *)"\xf3\xaa", 2, &insn), 0);
	CHECK_EQ(x86_emulate(&insn, &r, &o), X86_EMU_OK);
	CHECK_EQ(r.gpr[X86_ECX], X86_EMU_REP_MAX + 5);
	CHECK_EQ(r.gpr[X86_EDI], 0x100000 + X86_EMU_REP_MAX);
	CHECK_EQ(r.eip, 0x5000);		/* the guest runs it again */
	CHECK_EQ(x86_emulate(&insn, &r, &o), X86_EMU_OK);
	CHECK_EQ(x86_emulate(&insn, &r, &o), X86_EMU_OK);
	CHECK_EQ(r.gpr[X86_ECX], 0);
	CHECK_EQ(r.eip, 0x5002);
	CHECK_EQ(m.writes, 2 * X86_EMU_REP_MAX + 5);
	CHECK_EQ(big[2 * X86_EMU_REP_MAX + 4], 0xab);
	CHECK_EQ(big[2 * X86_EMU_REP_MAX + 5], 0);
}

static void test_unhandled(void)
{
	static const char *const texts[] = {
		"39 03",		/* cmp [ebx], eax: writes nothing */
		"80 3b 01",		/* cmp byte [ebx], 1 */
		"8b 03",		/* mov eax, [ebx]: a load */
		"0f a3 03",		/* bt [ebx], eax */
		"64 89 03",		/* fs: has a base of its own */
		"65 a3 00 10 00 00",	/* gs: */
		"65 a5",		/* movsd from gs: */
		"f0 89 03",		/* LOCK MOV: #UD */
		"f0 01 d8",		/* LOCK with a register destination: #UD */
		"f0 ab",		/* LOCK STOS: #UD */
		"0f c7 c8",		/* cmpxchg8b with a register: #UD */
		"c6 f8 01",		/* xabort */
		"ff 23",		/* jmp [ebx] */
		"ff 1b",		/* call far [ebx] */
		"8f 03",		/* pop [ebx] */
		"90", "e9 00 00 00 00", "0f 01 d0",
	};

	for (unsigned i = 0; i < COUNT(texts); i++) {
		struct x86_regs r = { .gpr = { 0x1000, 0x1000, 0x1000, 0x1000, 0x1040,
					       0x1000, 0x1000, 0x1000 }, 0x5000, 0x202 };
		struct x86_regs before = r;
		struct memory m;

		if (emulate_text(texts[i], &r, &m, UINT32_MAX) != X86_EMU_UNHANDLED)
			printf("  %s was emulated\n", texts[i]);
		CHECK(memcmp(&r, &before, sizeof(r)) == 0);
		CHECK_EQ(m.reads + m.writes, 0);
	}
}

/* A 16-bit CALL cuts EIP to 16 bits (the low page cannot show a wrap). */
static void test_call16_wraps(void)
{
	struct x86_regs r = { .gpr = { 0x12345678, [X86_ESP] = 0x1010 }, 0xfffe, 0x202 };
	struct memory m;

	CHECK_EQ(emulate_text("66 e8 20 00", &r, &m, UINT32_MAX), X86_EMU_OK);
	CHECK_EQ(r.eip, 0x0022);			/* 0x10002 + 0x20, cut */
	CHECK_EQ(r.gpr[X86_ESP], 0x100e);
	CHECK_EQ(small_mem[0x0e] | small_mem[0x0f] << 8, 0x0002);
	CHECK_EQ(emulate_text("66 ff d0", &r, &m, UINT32_MAX), X86_EMU_OK);
	CHECK_EQ(r.eip, 0x5678);			/* call ax */
}

/* Each operand is one callback of its size; CMPXCHG8B's 8 bytes at once. */
static void test_callback_sizes(void)
{
	static const struct { const char *text; unsigned reads, writes, len; } cases[] = {
		{ "88 03", 0, 1, 1 }, { "66 89 03", 0, 1, 2 }, { "89 03", 0, 1, 4 },
		{ "01 03", 1, 1, 4 }, { "66 f7 1b", 1, 1, 2 }, { "0f c7 0b", 1, 1, 8 },
		{ "a5", 1, 1, 4 }, { "66 50", 0, 1, 2 }, { "e8 00 00 00 00", 0, 1, 4 },
		{ "66 e8 00 00", 0, 1, 2 }, { "0f ba 2b 01", 1, 1, 4 },
	};

	for (unsigned i = 0; i < COUNT(cases); i++) {
		struct x86_regs r = { .gpr = { 0, 0x1000, 0x1000, 0x1000, 0x1040,
					       0x1000, 0x1000, 0x1000 }, 0x5000, 0x202 };
		struct memory m;

		CHECK_EQ(emulate_text(cases[i].text, &r, &m, UINT32_MAX), X86_EMU_OK);
		CHECK_EQ(m.reads, cases[i].reads);
		CHECK_EQ(m.writes, cases[i].writes);
		CHECK_EQ(m.last_len, cases[i].len);
	}
}

/* ---- main ------------------------------------------------------------------ */

static uint8_t *map_at(uint32_t wanted, uint32_t size, int prot)
{
	void *p = mmap((void *)(uintptr_t)wanted, size, prot,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);

	if (p == MAP_FAILED || p != (void *)(uintptr_t)wanted) {
		if (p != MAP_FAILED)
			munmap(p, size);
		p = mmap(NULL, size, prot, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	}
	return p == MAP_FAILED ? NULL : p;
}

int main(void)
{
	exec_page = map_at(EXEC_WANTED, PAGE, PROT_READ | PROT_WRITE | PROT_EXEC);
	data = map_at(DATA_WANTED, DATA_SIZE, PROT_READ | PROT_WRITE);
	if (!exec_page || !data) {
		printf("FAIL unit/test_x86_emulate: cannot map test memory\n");
		return 1;
	}
	low_memory = addr(exec_page) == EXEC_WANTED && addr(data) == DATA_WANTED;
	catch_signals();
	UNIT_CASE(test_alu);
	UNIT_CASE(test_unary);
	UNIT_CASE(test_mov);
	UNIT_CASE(test_exchange);
	UNIT_CASE(test_lock);
	UNIT_CASE(test_bits);
	UNIT_CASE(test_setcc);
	UNIT_CASE(test_string);
	UNIT_CASE(test_stack);
	UNIT_CASE(test_low);
	UNIT_CASE(test_fault_changes_nothing);
	UNIT_CASE(test_rep_fault_keeps_progress);
	UNIT_CASE(test_rep_stops_at_max);
	UNIT_CASE(test_unhandled);
	UNIT_CASE(test_call16_wraps);
	UNIT_CASE(test_callback_sizes);
	return unit_finish();
}
