UNIT_TESTS += monitor_spec
UNIT_monitor_spec_SRCS := guest/monitor/spec.c guest/monitor/inject.c guest/monitor/words.c guest/monitor/event_text.c guest/monitor/policy.c lib/format.c
