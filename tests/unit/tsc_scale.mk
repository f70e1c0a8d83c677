UNIT_TESTS += tsc_scale
UNIT_tsc_scale_SRCS := core/tsc_scale.c
