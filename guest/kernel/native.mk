# native.mk - the test kernel for a bare CPU: build/native/kernel.elf.
#
# The same objects as build/guests/kernel.elf -- the kernel, and the parts
# of the guest library that run on both (printk, traps, the exception
# table, the harness) -- linked with the native backend (guest/lib/native/)
# instead of the PV one, by guest/lib/native/native.ld.  The Makefile
# includes this after its guest rules, whose pattern rules compile every
# object here.  Boot it with:
#
#   qemu-system-i386 -cpu qemu32,+nx -m 128 -no-reboot -display none \
#	-serial stdio -device isa-debug-exit,iobase=0xf4,iosize=0x04 \
#	-kernel build/native/kernel.elf [-append "PROGRAM ..."]

NATIVE_KERNEL := $(BUILD)/native/kernel.elf
NATIVE_SRCS   := $(wildcard guest/kernel/*.c guest/kernel/*.S) \
	$(wildcard guest/lib/native/*.c guest/lib/native/*.S) \
	guest/lib/console.c guest/lib/extable.c guest/lib/test.c \
	guest/lib/traps.c guest/lib/trap_entry.S lib/format.c lib/string.c
NATIVE_OBJS   := $(patsubst %,$(BUILD)/guest-obj/%.o,$(basename $(NATIVE_SRCS)))

$(NATIVE_KERNEL): $(NATIVE_OBJS) guest/lib/native/native.ld
	@mkdir -p $(dir $@)
	$(call say,LD,$@)
	$(Q)$(CC_WARDEN) -nostdlib -static -no-pie -Wl,--build-id=none \
		-Wl,-z,noexecstack -Wl,--no-warn-rwx-segments \
		-T guest/lib/native/native.ld $(NATIVE_OBJS) -lgcc -o $@
	$(Q)grub-file --is-x86-multiboot $@ || { echo "$@: no multiboot header in the first 8 KiB" >&2; rm -f $@; exit 1; }

all test: $(NATIVE_KERNEL)
-include $(NATIVE_OBJS:.o=.d)
