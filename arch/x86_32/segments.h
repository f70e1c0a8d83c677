/*
 * segments.h - Warden's segment selectors and GDT layout.
 *
 * Guests use Xen's flat selectors, so Xen-ABI kernels run unchanged.  Xen
 * reserves GDT entries from 7168 (0xE000 / 8) up for itself; everything
 * below belongs to the guest's own GDT frames.  GDTR therefore covers a
 * window of 16 pages (entries 0..8191): pages 0-13 for the guest, pages
 * 14-15 for Warden.  Selector = index * 8 | RPL.
 */
#ifndef ARCH_X86_32_SEGMENTS_H
#define ARCH_X86_32_SEGMENTS_H

#define GDT_WINDOW_PAGES	16
#define GDT_ENTRIES		(GDT_WINDOW_PAGES * 4096 / 8)
#define GDT_FIRST_WARDEN	7168		/* Xen's FIRST_RESERVED_GDT_ENTRY */

#define WARDEN_CS		0xe008		/* entry 7169, ring 0 */
#define WARDEN_DS		0xe010		/* entry 7170, ring 0 */
#define FLAT_RING1_CS		0xe019		/* entry 7171, RPL 1 */
#define FLAT_RING1_DS		0xe021		/* entry 7172, RPL 1 */
#define FLAT_RING3_CS		0xe02b		/* entry 7173, RPL 3 */
#define FLAT_RING3_DS		0xe033		/* entry 7174, RPL 3 */
#define WARDEN_TSS		0xe038		/* entry 7175: the TSS */
#define WARDEN_DF_TSS		0xe040		/* entry 7176: the double-fault task */

#define SELECTOR_RPL(sel)	((sel) & 3)
#define SELECTOR_INDEX(sel)	((sel) >> 3)

#endif
