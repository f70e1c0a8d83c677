FUZZ_TARGETS += xen_notes
FUZZ_xen_notes_SRCS := core/xen_notes.c lib/format.c lib/reason.c
