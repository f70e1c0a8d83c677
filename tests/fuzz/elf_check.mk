FUZZ_TARGETS += elf_check
FUZZ_elf_check_SRCS := core/elf_check.c lib/format.c lib/reason.c
