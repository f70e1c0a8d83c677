/*
 * port-io: no port is a guest's to use.  From ring 1 it reads and writes
 * COM2 (the monitor's, while the monitor runs), COM1 (Warden's console),
 * isa-debug-exit (Warden's power switch), the POST port and the CMOS
 * index: each must raise #GP, as the TSS's I/O bitmap says.
 * (guest-port-io, run after a monitor that has had COM2 open)
 */
#include "guest/lib/console.h"
#include "guest/lib/extable.h"
#include "guest/lib/test.h"

static uint32_t try_outb(uint16_t port)
{
	uint32_t exinfo = 0;

	__asm__ volatile("1: outb %%al, %%dx; 2:" EXTABLE(1b, 2b)
		     : "+a"(exinfo) : "d"(port) : "memory");
	return exinfo;
}

static uint32_t try_inb(uint16_t port)
{
	uint32_t exinfo = 0;

	__asm__ volatile("1: inb %%dx, %%al; 2:" EXTABLE(1b, 2b)
		     : "+a"(exinfo) : "d"(port) : "memory");
	return exinfo;
}

static const struct {
	const char *name;
	uint16_t port;
} ports[] = {
	{ "COM2 (the monitor's)", 0x2f8 },
	{ "COM2's last port", 0x2ff },
	{ "COM1 (Warden's console)", 0x3f8 },
	{ "isa-debug-exit", 0xf4 },
	{ "the POST port", 0x80 },
	{ "the CMOS index", 0x70 },
};

void test_main(void)
{
	for (unsigned i = 0; i < sizeof(ports) / sizeof(ports[0]); i++) {
		bool out = test_eq(ports[i].name, try_outb(ports[i].port), EXINFO_GP(0));
		bool in = test_eq(ports[i].name, try_inb(ports[i].port), EXINFO_GP(0));

		printk("port 0x%x, %s: out %s, in %s\n", ports[i].port, ports[i].name,
		       out ? "#GP" : "WRONG", in ? "#GP" : "WRONG");
	}
}
