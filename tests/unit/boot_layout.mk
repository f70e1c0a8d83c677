UNIT_TESTS += boot_layout
UNIT_boot_layout_SRCS := core/boot_layout.c
