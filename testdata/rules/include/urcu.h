/*
 * urcu.h (liburcu, default "memb" flavor; stand-in): include/urcu/map/
 * urcu-memb.h maps the public names to the flavor's functions with
 * object-like macros, and with _LGPL_SOURCE urcu-memb.h maps those to
 * the inline _urcu_memb_* ones.  bcachefs-tools' userspace RCU is this.
 */
#ifndef AWAIT_HOLDING_RULES_URCU_H
#define AWAIT_HOLDING_RULES_URCU_H

void urcu_memb_read_lock(void);
void urcu_memb_read_unlock(void);
void urcu_memb_synchronize_rcu(void);
void urcu_memb_register_thread(void);

static inline void _urcu_memb_read_lock(void) { }
static inline void _urcu_memb_read_unlock(void) { }

#ifdef _LGPL_SOURCE
#define urcu_memb_read_lock _urcu_memb_read_lock
#define urcu_memb_read_unlock _urcu_memb_read_unlock
#endif

#define rcu_read_lock urcu_memb_read_lock
#define rcu_read_unlock urcu_memb_read_unlock
#define synchronize_rcu urcu_memb_synchronize_rcu
#define rcu_register_thread urcu_memb_register_thread

#endif
