UNIT_TESTS += x86_decode
UNIT_x86_decode_SRCS := arch/x86_32/x86emu/decode.c arch/x86_32/x86emu/opcode_map.c arch/x86_32/x86emu/address.c
UNIT_x86_decode_LIBS := -lcapstone
