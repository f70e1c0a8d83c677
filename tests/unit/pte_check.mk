UNIT_TESTS += pte_check
UNIT_pte_check_SRCS := shadow/pte_check.c lib/format.c lib/reason.c
