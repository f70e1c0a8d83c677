UNIT_TESTS += cmdline
UNIT_cmdline_SRCS := lib/cmdline.c
