UNIT_TESTS += elf_check
UNIT_elf_check_SRCS := core/elf_check.c lib/format.c lib/reason.c
