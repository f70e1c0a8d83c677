UNIT_TESTS += shadow
UNIT_shadow_SRCS := shadow/shadow.c shadow/shadow_pool.c shadow/shadow_rmap.c shadow/shadow_root.c shadow/guest_ad.c shadow/guest_walk.c shadow/guest_mem.c shadow/fault_classify.c shadow/table_find.c mm/frame.c lib/format.c lib/reason.c tests/unit/shadow_shim.c tests/unit/shadow_world.c
