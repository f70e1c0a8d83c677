UNIT_TESTS += x86_emulate
UNIT_x86_emulate_SRCS := arch/x86_32/x86emu/decode.c arch/x86_32/x86emu/opcode_map.c arch/x86_32/x86emu/address.c arch/x86_32/x86emu/emulate.c arch/x86_32/x86emu/operand.c arch/x86_32/x86emu/alu.c arch/x86_32/x86emu/arith.c arch/x86_32/x86emu/move.c arch/x86_32/x86emu/exchange.c arch/x86_32/x86emu/bitops.c arch/x86_32/x86emu/stack.c arch/x86_32/x86emu/string_ops.c
UNIT_x86_emulate_CC := i686-linux-gnu-gcc
UNIT_x86_emulate_CFLAGS := -std=c11 -O1 -g -Wall -Wextra -Werror -I. -static
