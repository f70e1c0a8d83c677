UNIT_TESTS += hypercall_page
UNIT_hypercall_page_SRCS := core/hypercall_page.c
