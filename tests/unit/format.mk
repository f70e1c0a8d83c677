UNIT_TESTS += format
UNIT_format_SRCS := lib/format.c
