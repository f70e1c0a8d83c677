UNIT_TESTS += descriptor_check
UNIT_descriptor_check_SRCS := core/descriptor_check.c
