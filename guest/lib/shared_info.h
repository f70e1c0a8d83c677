/*
 * shared_info.h - the page a guest shares with Warden (events, time, the
 * CR2 of the last page fault), mapped on first use.
 */
#ifndef GUEST_LIB_SHARED_INFO_H
#define GUEST_LIB_SHARED_INFO_H

#include "include/public/shared_info.h"

/* Our shared page, mapped at a page of our own image. */
volatile struct shared_info *shared_info(void);

#endif
