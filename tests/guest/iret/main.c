/*
 * iret: the iret hypercall, a ring-1 kernel's way back from a handler.
 *
 * Shows: jumping to the hypercall page's iret entry with EIP CS EFLAGS on
 * the stack resumes at EIP with the frame popped, EAX restored from the
 * frame (the entry pushes it), the EFLAGS given except IOPL and NT, which a
 * guest may not have, and the frame's IF turned into the event mask in
 * shared info; junk in the upper half of the CS slot is ignored.
 * Cannot show: returns to ring 3 (user_exec, in every ring-3 test, is
 * one) or to ring 0 (contain-iret-ring0).
 */
#include "guest/lib/console.h"
#include "guest/lib/shared_info.h"
#include "guest/lib/test.h"
#include "guest/lib/x86.h"

struct after {
	uint32_t eax, eflags, esp_change;
};

/* iret to the next instruction, with EAX 0x1234abcd and these EFLAGS. */
static struct after iret_here(uint32_t eflags, uint32_t cs_slot)
{
	struct after a;

	__asm__ volatile("movl %%esp, %%ebx\n"
			 "pushl %[eflags]\n"
			 "pushl %[cs]\n"
			 "pushl $1f\n"
			 "movl $0x1234abcd, %%eax\n"
			 "jmp hypercall_page + 23 * 32\n"
			 "1: pushf\n"
			 "popl %[eflags_after]\n"
			 "subl %%esp, %%ebx\n"
			 : "=&a"(a.eax), "=&b"(a.esp_change), [eflags_after] "=&r"(a.eflags)
			 : [eflags] "r"(eflags), [cs] "r"(cs_slot)
			 : "memory", "cc");
	return a;
}

static void check(const char *what, uint32_t eflags, uint8_t mask)
{
	struct after a = iret_here(eflags, 0xabcd0000 | FLAT_RING1_CS);
	uint32_t want = (eflags & ~(EFLAGS_IOPL | EFLAGS_NT)) | EFLAGS_IF;

	printk("%s\n", what);
	test_eq("EAX from the frame", a.eax, 0x1234abcd);
	test_eq("the frame is popped", a.esp_change, 0);
	test_eq("EFLAGS", a.eflags, want);
	test_eq("event mask", shared_info()->vcpu_info[0].evtchn_upcall_mask, mask);
}

void test_main(void)
{
	test_eq("events start masked", shared_info()->vcpu_info[0].evtchn_upcall_mask, 1);
	check("iret with CF and IF", 0x2 | EFLAGS_CF | EFLAGS_IF, 0);
	check("iret without IF", 0x2, 1);
	check("iret with IOPL 3 and NT", 0x2 | EFLAGS_IOPL | EFLAGS_NT | EFLAGS_IF, 0);
	check("iret without IF again", 0x2, 1);
}
