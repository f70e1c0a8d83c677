/*
 * work_checksum.c - a buffer and its checksum (work.h).
 *
 * The checksum is made from the values as they are computed, in
 * registers, and stored after them; the check reads the buffer back.  So
 * any fault in this buffer, or in the stored checksum, is caught: a flip
 * here must end DETECTED.
 */
#include "guest/kernel/work.h"

#define DATA_WORDS	(CHECKSUM_WORDS - 1)

struct work_result work_checksum(volatile uint32_t *buf, uint32_t seed)
{
	uint32_t x = seed, sum = WORK_MIX_START, again = WORK_MIX_START;

	for (uint32_t i = 0; i < DATA_WORDS; i++) {
		buf[i] = work_next(&x);
		sum = work_mix(sum, x);
	}
	buf[DATA_WORDS] = sum;
	for (uint32_t i = 0; i < DATA_WORDS; i++)
		again = work_mix(again, buf[i]);
	return (struct work_result){ again, again != buf[DATA_WORDS] };
}
