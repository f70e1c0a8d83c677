/*
 * frame_report.c - one line with the number of frames of each type.
 */
#include "mm/frame_report.h"
#include "core/console.h"
#include "mm/frame.h"

void frame_report(void)
{
	printk("frames: %u total", frame_total());
	for (unsigned t = 0; t < FRAME_TYPES; t++)
		printk(", %u %s", frame_count(t), frame_type_name(t));
	printk(" (%u KiB free)\n", frame_count(FRAME_FREE) * 4);
}
