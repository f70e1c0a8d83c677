# Warden's build.  `make help` lists the targets; README.md says more.

CROSS        ?= i686-linux-gnu-
CC_WARDEN    := $(CROSS)gcc
HOSTCC       ?= cc
FUZZCC       ?= clang
BUILD        := build

# Quiet by default: one short line a step.  `make V=1` shows the commands.
ifeq ($(V),1)
Q :=
say = @true
else
Q := @
say = @printf '  %-6s %s\n' $(1) $(2)
endif

# Freestanding, 32-bit, no SSE in Warden, frame pointers for backtraces.
WARDEN_CFLAGS := -std=c11 -O2 -g -ffreestanding -nostdlib -fno-pic -fno-pie \
	-fno-stack-protector -fno-asynchronous-unwind-tables -mgeneral-regs-only \
	-fno-omit-frame-pointer -march=i686 -I. \
	-Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
	-Wpointer-arith -Wundef -Wvla -Wwrite-strings
WARDEN_ASFLAGS := -g -I. -Werror
WARDEN_LDFLAGS := -nostdlib -static -no-pie -Wl,--build-id=none \
	-Wl,-z,noexecstack -Wl,--no-warn-rwx-segments -T arch/x86_32/warden.ld

HOST_CFLAGS := -std=c11 -Wall -Wextra -Werror -g -O1 -I. \
	-fsanitize=address,undefined -fno-sanitize-recover=all
FUZZ_CFLAGS := -std=c11 -g -O1 -I. \
	-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all

WARDEN_SRCS := $(wildcard arch/x86_32/*.c arch/x86_32/*.S arch/x86_32/x86emu/*.c \
	boot/*.c core/*.c mm/*.c shadow/*.c lib/*.c)
WARDEN_OBJS := $(patsubst %,$(BUILD)/obj/%.o,$(basename $(WARDEN_SRCS)))

.PHONY: all run test unit boot-tests fuzz fuzz-short iso debug deps clean help fixtures guests bench campaign
all: $(BUILD)/warden.elf guests

$(BUILD)/obj/%.o: %.c Makefile
	@mkdir -p $(dir $@)
	$(call say,CC,$<)
	$(Q)$(CC_WARDEN) $(WARDEN_CFLAGS) -MMD -MP -c $< -o $@

$(BUILD)/obj/%.o: %.S Makefile
	@mkdir -p $(dir $@)
	$(call say,AS,$<)
	$(Q)$(CC_WARDEN) $(WARDEN_ASFLAGS) -MMD -MP -c $< -o $@

$(BUILD)/warden.elf: $(WARDEN_OBJS) arch/x86_32/warden.ld
	$(call say,LD,$@)
	$(Q)$(CC_WARDEN) $(WARDEN_LDFLAGS) $(WARDEN_OBJS) -lgcc -o $@
	$(Q)grub-file --is-x86-multiboot $@ || { echo "$@: no multiboot header in the first 8 KiB" >&2; rm -f $@; exit 1; }

-include $(WARDEN_OBJS:.o=.d)

# --- guests: guest/NAME/ and tests/guest/NAME/ each make build/guests/NAME.elf
GUEST_LIB_SRCS := $(wildcard guest/lib/*.c guest/lib/*.S) lib/format.c lib/string.c lib/cmdline.c
GUEST_LIB_OBJS := $(patsubst %,$(BUILD)/guest-obj/%.o,$(basename $(GUEST_LIB_SRCS)))
GUEST_DIRS     := $(patsubst %/,%,$(dir $(wildcard guest/*/main.c tests/guest/*/main.c)))
GUEST_ELFS     := $(foreach d,$(GUEST_DIRS),$(BUILD)/guests/$(notdir $(d)).elf)
guest_objs      = $(patsubst %,$(BUILD)/guest-obj/%.o,$(basename $(wildcard $(1)/*.c $(1)/*.S)))
GUEST_OBJS     := $(GUEST_LIB_OBJS) $(foreach d,$(GUEST_DIRS),$(call guest_objs,$(d)))

$(BUILD)/guest-obj/%.o: %.c Makefile
	@mkdir -p $(dir $@)
	$(call say,CC,$<)
	$(Q)$(CC_WARDEN) $(WARDEN_CFLAGS) -MMD -MP -c $< -o $@

$(BUILD)/guest-obj/%.o: %.S Makefile
	@mkdir -p $(dir $@)
	$(call say,AS,$<)
	$(Q)$(CC_WARDEN) $(WARDEN_ASFLAGS) -MMD -MP -c $< -o $@

define guest_rule
$(BUILD)/guests/$(notdir $(1)).elf: $(call guest_objs,$(1)) $(GUEST_LIB_OBJS) guest/lib/guest.ld
	@mkdir -p $$(dir $$@)
	$$(call say,LD,$$@)
	$(Q)$(CC_WARDEN) -nostdlib -static -no-pie -Wl,--build-id=none -Wl,-z,noexecstack \
		-T guest/lib/guest.ld $$(filter %.o,$$^) -lgcc -o $$@
endef
$(foreach d,$(GUEST_DIRS),$(eval $(call guest_rule,$(d))))

guests: $(GUEST_ELFS)
-include $(GUEST_OBJS:.o=.d)

# The test kernel built for bare hardware (the differential tests' oracle).
include guest/kernel/native.mk

# --- host tools --------------------------------------------------------------
.PRECIOUS: $(BUILD)/tools/%
$(BUILD)/tools/%: tools/%.c
	@mkdir -p $(dir $@)
	$(call say,HOSTCC,$<)
	$(Q)$(HOSTCC) -std=c11 -Wall -Wextra -Werror -O2 $< -o $@

# --- boot-test fixtures: a tiny valid module and broken copies of it ---------
FIXTURES     := $(BUILD)/fixtures
BAD_MODULES  := truncate machine segment-past-eof entry-outside overlap not-elf
FIXTURE_FILES := $(FIXTURES)/tiny.elf $(BAD_MODULES:%=$(FIXTURES)/bad-%.elf) \
	$(FIXTURES)/text.txt

$(FIXTURES)/tiny.elf: tests/boot/fixtures/tiny.S
	@mkdir -p $(dir $@)
	$(CC_WARDEN) -nostdlib -static -no-pie -Wl,--build-id=none $< -o $@

$(FIXTURES)/bad-%.elf: $(FIXTURES)/tiny.elf $(BUILD)/tools/elf-mutate
	$(BUILD)/tools/elf-mutate $* $< $@

$(FIXTURES)/text.txt:
	@mkdir -p $(dir $@)
	echo "This is a text file, not a kernel." > $@

fixtures: $(FIXTURE_FILES)

# --- unit tests (tests/unit/*.mk register them) -------------------------------
UNIT_TESTS :=
include $(wildcard tests/unit/*.mk)
UNIT_BINS := $(UNIT_TESTS:%=$(BUILD)/unit/test_%)

# A test may set UNIT_<name>_CC and UNIT_<name>_CFLAGS (a 32-bit test that
# runs instructions natively, say) and UNIT_<name>_LIBS (libraries to link).
.SECONDEXPANSION:
$(BUILD)/unit/test_%: tests/unit/test_%.c $$(UNIT_$$*_SRCS) tests/unit/unit.h
	@mkdir -p $(dir $@)
	$(call say,UNIT,$<)
	$(Q)$(or $(UNIT_$*_CC),$(HOSTCC)) $(or $(UNIT_$*_CFLAGS),$(HOST_CFLAGS)) -MMD -MP $< $(UNIT_$*_SRCS) -o $@ $(UNIT_$*_LIBS)

-include $(wildcard $(BUILD)/unit/*.d)

# --- fuzz targets (tests/fuzz/*.mk register them) -----------------------------
FUZZ_TARGETS :=
include $(wildcard tests/fuzz/*.mk)
FUZZ_BINS := $(FUZZ_TARGETS:%=$(BUILD)/fuzz/fuzz_%)
FUZZ_SECONDS ?= 60

$(BUILD)/fuzz/fuzz_%: tests/fuzz/fuzz_%.c $$(FUZZ_$$*_SRCS)
	@mkdir -p $(dir $@)
	$(call say,FUZZ,$<)
	$(Q)$(FUZZCC) $(FUZZ_CFLAGS) $< $(FUZZ_$*_SRCS) -o $@

# Each target runs FUZZ_SECONDS; findings land in build/fuzz/crash-*.
fuzz: $(FUZZ_BINS)
	$(Q)for f in $(FUZZ_BINS); do \
		$$f -max_total_time=$(FUZZ_SECONDS) \
			-artifact_prefix=$(BUILD)/fuzz/crash-$$(basename $$f)- || exit 1; \
	done

# --- running ------------------------------------------------------------------
DEMO_MODULES := $(BUILD)/guests/first.elf
APPEND ?=

# The demo: the monitor and the test kernel, whose system-call table is
# attacked from ring 3 (tools/demo.sh tells the story; events stream to
# build/events.jsonl).
run: $(BUILD)/warden.elf $(BUILD)/guests/monitor.elf $(BUILD)/guests/kernel.elf
	tools/demo.sh -a "$(APPEND)"

$(BUILD)/warden.iso: $(BUILD)/warden.elf $(DEMO_MODULES) tools/make-iso.sh
	tools/make-iso.sh $@ $(BUILD)/warden.elf $(DEMO_MODULES)

iso: $(BUILD)/warden.iso

debug: $(BUILD)/warden.elf $(DEMO_MODULES)
	tools/debug.sh $(BUILD)/warden.elf $(DEMO_MODULES)

# --- tests --------------------------------------------------------------------
test: $(BUILD)/warden.elf $(BUILD)/warden.iso $(UNIT_BINS) $(FUZZ_BINS) $(FIXTURE_FILES) $(GUEST_ELFS)
	tools/run-tests.sh

# Instructions per operation under QEMU -icount, next to their baselines.
bench: $(BUILD)/warden.elf $(BUILD)/guests/bench.elf $(BUILD)/guests/kernel.elf \
	$(BUILD)/guests/mon-test.elf $(NATIVE_KERNEL)
	tools/bench.sh

RUNS ?= 100

# A fault-injection campaign: RUNS experiments under -icount through GNU
# parallel; build/campaign/results.csv, a summary, outcomes.png.
campaign: $(BUILD)/warden.elf $(BUILD)/guests/monitor.elf $(BUILD)/guests/kernel.elf
	tools/campaign.sh -n $(RUNS)

deps:
	tools/install-deps.sh

clean:
	rm -rf $(BUILD)

help:
	@echo "make            build build/warden.elf"
	@echo "make deps       install the Debian packages Warden needs"
	@echo "make run        the demo: Warden, monitor and test kernel (APPEND='key=value ...')"
	@echo "make test       unit tests, short fuzz runs, boot tests, tool tests"
	@echo "make fuzz       run every fuzz target FUZZ_SECONDS (default 60)"
	@echo "make iso        build/warden.iso, a GRUB rescue image"
	@echo "make debug      QEMU halted at the first instruction, GDB attached"
	@echo "make bench      instructions per operation, next to their baselines"
	@echo "make campaign   fault-injection campaign (RUNS=N), results in build/campaign/"
