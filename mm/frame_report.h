/*
 * frame_report.h - the frame counters, on the console.
 */
#ifndef MM_FRAME_REPORT_H
#define MM_FRAME_REPORT_H

void frame_report(void);

#endif
