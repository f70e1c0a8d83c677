UNIT_TESTS += xen_notes
UNIT_xen_notes_SRCS := core/xen_notes.c core/elf_check.c lib/format.c lib/reason.c
