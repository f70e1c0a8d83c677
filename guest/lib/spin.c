/*
 * spin.c - spinning and counting gaps (spin.h).
 */
#include "guest/lib/spin.h"
#include "guest/lib/time.h"

struct spin_result spin_for(uint64_t own_ns, void (*check)(void *arg), void *arg)
{
	struct spin_result r = { 0, 0, 0 };
	uint64_t last = time_now_ns(), own = 0;

	while (own < own_ns) {
		uint64_t now, step;

		if (check)
			check(arg);
		now = time_now_ns();
		step = now - last;
		last = now;
		if (step < SPIN_GAP_NS) {
			own += step;
			continue;
		}
		r.gaps++;
		r.gap_ns += step;
		if (step > r.longest_gap_ns)
			r.longest_gap_ns = step;
	}
	return r;
}
