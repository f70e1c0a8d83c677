/*
 * com2.h - the second serial port, where the event stream goes.
 *
 * The monitor is the one domain Warden lets at COM2 (I/O ports 0x2f8 to
 * 0x2ff): its in and out instructions there trap to Warden, which does
 * them for it; any other domain's are a #GP.  The driver is a 16550 UART,
 * polled: before each byte it waits until the transmitter has room.
 */
#ifndef MONITOR_COM2_H
#define MONITOR_COM2_H

#include <stdbool.h>
#include <stdint.h>

/* Set the UART up: 115200 baud, 8N1, FIFOs on.  False (and a console
 * line saying why) if Warden does not let us at the port. */
bool com2_init(void);

/* Send len bytes (nothing if com2_init failed). */
void com2_write(const char *s, uint32_t len);

#endif
