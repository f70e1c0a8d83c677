UNIT_TESTS += monitor_policy
UNIT_monitor_policy_SRCS := guest/monitor/words.c guest/monitor/policy.c guest/monitor/event_text.c lib/format.c
