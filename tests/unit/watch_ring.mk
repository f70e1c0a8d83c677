UNIT_TESTS += watch_ring
UNIT_watch_ring_SRCS := core/watch_ring.c
