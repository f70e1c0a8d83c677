UNIT_TESTS += descriptor
UNIT_descriptor_SRCS := arch/x86_32/descriptor.c
