/*
 * pit.c - the PIT does two jobs at boot.
 *
 * Channel 0 in mode 2 (rate generator) raises IRQ 0 periodically: the
 * tick.  Channel 2, whose gate and output are wired to port 0x61 rather
 * than to an interrupt, counts down once in mode 0 while we spin reading
 * the TSC: since the PIT's clock is known (1.193182 MHz), the TSC's
 * frequency follows.  That is the classic calibration (Linux's
 * pit_calibrate_tsc).
 */
#include "arch/x86_32/pit.h"
#include "arch/x86_32/x86.h"

#define PIT_CH0		0x40
#define PIT_CH2		0x42
#define PIT_CMD		0x43
#define PORT_B		0x61		/* bit 0: channel 2 gate, bit 5: its output */

#define CMD_CH0_RATE	0x34		/* channel 0, lo/hi byte, mode 2 */
#define CMD_CH2_ONESHOT	0xb0		/* channel 2, lo/hi byte, mode 0 */
#define PORTB_GATE2	0x01
#define PORTB_SPEAKER	0x02
#define PORTB_OUT2	0x20

void pit_start_periodic(unsigned hz)
{
	uint16_t divisor = (uint16_t)(PIT_HZ / hz);

	outb(PIT_CMD, CMD_CH0_RATE);
	outb(PIT_CH0, (uint8_t)divisor);
	outb(PIT_CH0, (uint8_t)(divisor >> 8));
}

uint64_t pit_measure_tsc(uint16_t ticks)
{
	uint8_t portb = inb(PORT_B);
	uint64_t start;

	/* Gate off and speaker off while we load the count. */
	outb(PORT_B, (uint8_t)((portb & ~(PORTB_GATE2 | PORTB_SPEAKER))));
	outb(PIT_CMD, CMD_CH2_ONESHOT);
	outb(PIT_CH2, (uint8_t)ticks);
	outb(PIT_CH2, (uint8_t)(ticks >> 8));

	outb(PORT_B, (uint8_t)((portb & ~PORTB_SPEAKER) | PORTB_GATE2));
	start = rdtsc();
	while (!(inb(PORT_B) & PORTB_OUT2))
		;
	outb(PORT_B, portb);
	return rdtsc() - start;
}
