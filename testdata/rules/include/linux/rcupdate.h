/* linux/rcupdate.h, preempt.h, irqflags.h, bottom_half.h (stand-in). */
#ifndef AWAIT_HOLDING_RULES_LINUX_RCUPDATE_H
#define AWAIT_HOLDING_RULES_LINUX_RCUPDATE_H

#include "cleanup.h"
#include "compiler.h"

void __rcu_read_lock(void);
void __rcu_read_unlock(void);
static __always_inline void rcu_read_lock(void)
{
	__rcu_read_lock();
}
static __always_inline void rcu_read_unlock(void)
{
	__rcu_read_unlock();
}
void synchronize_rcu(void);
void rcu_barrier(void);

DEFINE_LOCK_GUARD_0(rcu, rcu_read_lock(), rcu_read_unlock())

void __preempt_count_add(int val);
void __preempt_count_sub(int val);
#define barrier() __asm__ __volatile__("" : : : "memory")
#define preempt_disable() do { __preempt_count_add(1); barrier(); } while (0)
#define preempt_enable() do { barrier(); __preempt_count_sub(1); } while (0)

DEFINE_LOCK_GUARD_0(preempt, preempt_disable(), preempt_enable())

void arch_local_irq_disable(void);
void arch_local_irq_enable(void);
#define local_irq_disable() arch_local_irq_disable()
#define local_irq_enable() arch_local_irq_enable()

DEFINE_LOCK_GUARD_0(irq, local_irq_disable(), local_irq_enable())

void __local_bh_disable_ip(unsigned long ip, unsigned int cnt);
void __local_bh_enable_ip(unsigned long ip, unsigned int cnt);
static inline void local_bh_disable(void)
{
	__local_bh_disable_ip(0, 0x200);
}
static inline void local_bh_enable(void)
{
	__local_bh_enable_ip(0, 0x200);
}

#endif
