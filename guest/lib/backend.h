/*
 * backend.h - everything that differs between running on Warden and
 * running on bare hardware, in one list, as Linux's paravirt_ops.
 *
 * A kernel on Warden runs in ring 1 and asks for what a kernel on a bare
 * CPU does itself: it cannot load CR3, an IDT or a TSS, touch an I/O port,
 * or `iret` with its interrupt flag.  So the few places where a kernel does
 * those things are calls through this header, and two backends implement
 * it:
 *
 *	backend_pv.c	on Warden: Xen's hypercalls; in every PV guest
 *	native/		on a bare CPU in ring 0: the instructions themselves,
 *			one file a concept (serial.c, descriptors.c, paging.c,
 *			timer.c, start.c); linked only into native builds
 *
 * Which one a kernel gets is chosen at link time, never by an #if, so the
 * code above this header is the same object file in both builds.  That is
 * what makes the native build an oracle: the test kernel (guest/kernel/)
 * runs the same instructions on both, except the ones listed here.
 *
 * How a kernel starts is the backend's too: the PV entry (head.S) and the
 * native one (native/boot.S) each set up what they must and then call
 * test_run() (test.h).
 *
 * There is no FPU operation: guests are built with -mgeneral-regs-only
 * and the test kernel's programs compute in integers, so no FPU state
 * needs switching.  A kernel that used the FPU would add one here
 * (fpu_taskswitch on Warden, CR0.TS natively).
 */
#ifndef GUEST_LIB_BACKEND_H
#define GUEST_LIB_BACKEND_H

#include <stdint.h>

#include "guest/lib/pt.h"
#include "guest/lib/traps.h"

/* The console: bytes as they are, whole lines at a time preferred. */
void backend_console_write(const char *s, uint32_t len);

/* The end: SHUTDOWN_poweroff (a pass) or another SHUTDOWN_* reason. */
_Noreturn void backend_shutdown(unsigned reason);

/* The kernel's command line ("" if there is none). */
const char *backend_cmdline(void);

/*
 * Traps.  A gate sends vector to handler in the kernel's ring, with events
 * (interrupts) masked; dpl says which rings may reach it with `int n`.
 * Traps from ring 3 land on the stack set last by backend_kernel_stack(),
 * as on a TSS's ESP0.  trap_entry.S leaves every trap through trap_return
 * with EIP CS EFLAGS [ESP SS] on top of the stack.  Each returns 0, or
 * what the hypervisor said (a negative Xen error).
 */
long backend_trap_gate(unsigned vector, uint32_t handler, unsigned dpl);
long backend_kernel_stack(uint32_t esp);
void trap_return(void);		/* asm: jumped to, never called */

/*
 * Ring 3.  backend_user_frame() makes regs (what a trap saved) into a
 * frame whose return enters ring 3 at eip with stack esp and interrupts
 * on.  The kernel keeps the ring-3 data selector in DS and ES all the
 * time (backend_user_data_segments), as 32-bit Linux did: ring 3 can use
 * it and so can the kernel, so no return to ring 3 finds a kernel
 * selector there to clear.
 */
void backend_user_frame(struct cpu_regs *regs, uint32_t eip, uint32_t esp);
void backend_user_data_segments(void);

/*
 * Page tables: entries hold (pseudo-)physical frame numbers, which are the
 * kernel's virtual address minus VIRT_BASE (pt.h) in both backends.
 * backend_set_pte() writes one entry of any table, given the kernel's
 * address of the entry; backend_load_base() switches to the tables whose
 * L3 is at l3 (it also makes a changed L3 entry take effect: a CPU reads
 * the four PAE L3 entries only when CR3 is loaded); backend_flush_page()
 * drops what the TLB holds for va in the current tables.
 * backend_kernel_base() is the L3 the kernel started on; its entry 3 maps
 * the kernel's gigabyte.
 */
void backend_set_pte(volatile pte_t *entry, pte_t val);
void backend_load_base(const volatile pte_t *l3);
void backend_flush_page(uint32_t va);
const volatile pte_t *backend_kernel_base(void);

/*
 * Time, in ticks of 10 ms from some moment before the kernel started
 * (Warden's start, or the kernel's): only differences mean anything.
 * backend_idle() waits for something to happen -- at the latest until
 * tick `until` -- with nothing else to do; the caller checks the time
 * again.
 */
#define BACKEND_HZ	100
uint64_t backend_ticks(void);
void backend_idle(uint64_t until);

#endif
