UNIT_TESTS += multiboot
UNIT_multiboot_SRCS := boot/multiboot.c mm/memmap.c lib/format.c lib/reason.c
