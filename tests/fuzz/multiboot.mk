FUZZ_TARGETS += multiboot
FUZZ_multiboot_SRCS := boot/multiboot.c mm/memmap.c lib/format.c lib/reason.c
