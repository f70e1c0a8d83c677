UNIT_TESTS += memmap
UNIT_memmap_SRCS := mm/memmap.c
