/*
 * vm_assist.h - optional behaviours a guest switches on or off with
 * __HYPERVISOR_vm_assist(cmd, type).
 *
 * Each type is a feature older Xen guests relied on; a guest enables the
 * ones it wants at boot and gets -XEN_EINVAL for those its hypervisor
 * does not offer.
 */
#ifndef PUBLIC_VM_ASSIST_H
#define PUBLIC_VM_ASSIST_H

#define VMASST_CMD_enable			0
#define VMASST_CMD_disable			1

#define VMASST_TYPE_4gb_segments		0	/* emulate 4 GiB segment limits */
#define VMASST_TYPE_4gb_segments_notify		1	/* ... and trap (vector 15) when used */
#define VMASST_TYPE_writable_pagetables		2	/* L1 writes trap and are emulated */
#define VMASST_TYPE_pae_extended_cr3		3	/* PAE top-level tables above 4 GiB */
#define VMASST_TYPE_architectural_iopl		4
#define VMASST_TYPE_runstate_update_flag	5
#define VMASST_TYPE_m2p_strict			32	/* 64-bit guests */

#endif
