/*
 * vcpu.h - operations on a vCPU: __HYPERVISOR_vcpu_op(cmd, vcpu, arg).
 *
 * Only the numbers so far; the argument structures follow when Warden
 * implements the commands that take them.
 */
#ifndef PUBLIC_VCPU_H
#define PUBLIC_VCPU_H

#define VCPUOP_initialise			0
#define VCPUOP_up				1
#define VCPUOP_down				2
#define VCPUOP_is_up				3
#define VCPUOP_get_runstate_info		4
#define VCPUOP_register_runstate_memory_area	5
#define VCPUOP_set_periodic_timer		6
#define VCPUOP_stop_periodic_timer		7
#define VCPUOP_set_singleshot_timer		8
#define VCPUOP_stop_singleshot_timer		9
#define VCPUOP_register_vcpu_info		10
#define VCPUOP_send_nmi				11
#define VCPUOP_get_physid			12
#define VCPUOP_register_vcpu_time_memory_area	13

/* vcpu_set_singleshot_timer.flags: fail with -XEN_ETIME if already past */
#define VCPU_SSHOTTMR_future			(1 << 0)

/* vcpu_runstate_info.state */
#define RUNSTATE_running			0
#define RUNSTATE_runnable			1
#define RUNSTATE_blocked			2
#define RUNSTATE_offline			3

#endif
