/*
 * answer.h - what the test monitor answers: a verdict per request by its
 * rule, and, once, a bad response of the kind it was told to send.
 */
#ifndef MON_TEST_ANSWER_H
#define MON_TEST_ANSWER_H

#include <stdint.h>

#include "include/public/warden.h"
#include "tests/guest/watch-lib/watch_lib.h"

enum bad_kind { BAD_NONE, BAD_SEQ, BAD_REPEAT, BAD_VERDICT, BAD_INDEX };

/* How many answers of each verdict (WATCH_ALLOW ... WATCH_ALLOW_REMOVE)
 * we gave. */
extern uint32_t answered[WATCH_ALLOW_REMOVE + 1];

/* Use rule for every answer, and send one bad response of kind bad. */
void answer_configure(struct verdict_rule rule, enum bad_kind bad);

/* The bad kind named by the word bad=KIND (BAD_NONE without one). */
enum bad_kind answer_bad_kind(void);

/* Answer the n requests in req, in order, and tell Warden. */
void answer_all(const struct watch_request *req, unsigned n);

#endif
