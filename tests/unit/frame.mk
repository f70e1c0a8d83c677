UNIT_TESTS += frame
UNIT_frame_SRCS := mm/frame.c
