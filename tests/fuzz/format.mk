FUZZ_TARGETS += format
FUZZ_format_SRCS := lib/format.c
