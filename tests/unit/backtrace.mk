UNIT_TESTS += backtrace
UNIT_backtrace_SRCS := core/backtrace.c
