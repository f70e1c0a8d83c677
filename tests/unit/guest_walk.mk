UNIT_TESTS += guest_walk
UNIT_guest_walk_SRCS := shadow/guest_walk.c shadow/pte_check.c lib/format.c lib/reason.c
