UNIT_TESTS += watch_set
UNIT_watch_set_SRCS := shadow/watch_set.c
