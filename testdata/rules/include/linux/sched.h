/*
 * linux/sched.h, delay.h, kernel.h, wait.h, completion.h, uaccess.h,
 * vmalloc.h, workqueue.h (stand-in): functions and macros that may sleep.
 */
#ifndef AWAIT_HOLDING_RULES_LINUX_SCHED_H
#define AWAIT_HOLDING_RULES_LINUX_SCHED_H

#include "compiler.h"

void schedule(void);
long schedule_timeout(long timeout);
long schedule_timeout_interruptible(long timeout);
int _cond_resched(void);
void __might_resched(const char *file, int line, unsigned int offsets);
void __might_sleep(const char *file, int line);
#define cond_resched() ({ __might_resched(__FILE__, __LINE__, 0); _cond_resched(); })
#define might_sleep() do { __might_sleep(__FILE__, __LINE__); } while (0)

void msleep(unsigned int msecs);
unsigned long msleep_interruptible(unsigned int msecs);
void usleep_range_state(unsigned long min, unsigned long max, unsigned int state);
static inline void usleep_range(unsigned long min, unsigned long max)
{
	usleep_range_state(min, max, 2);
}
static inline void ssleep(unsigned int seconds)
{
	msleep(seconds * 1000);
}
void udelay(unsigned long usecs); /* busy-waits: fine under a spinlock */

struct wait_queue_head {
	int lock;
};
typedef struct wait_queue_head wait_queue_head_t;
void prepare_to_wait_event(wait_queue_head_t *wq_head, int state);
void finish_wait(wait_queue_head_t *wq_head);
#define ___wait_event(wq_head, condition)                       \
	({                                                      \
		for (;;) {                                      \
			prepare_to_wait_event(&(wq_head), 2);   \
			if (condition)                          \
				break;                          \
			schedule();                             \
		}                                               \
		finish_wait(&(wq_head));                        \
	})
#define wait_event(wq_head, condition)                  \
	do {                                            \
		might_sleep();                          \
		if (condition)                          \
			break;                          \
		___wait_event(wq_head, condition);      \
	} while (0)
void wake_up(wait_queue_head_t *wq_head);

struct completion {
	unsigned int done;
};
void wait_for_completion(struct completion *x);
unsigned long wait_for_completion_timeout(struct completion *x, unsigned long timeout);
void complete(struct completion *x);

unsigned long _copy_from_user(void *to, const void __user *from, unsigned long n);
static __always_inline unsigned long __must_check copy_from_user(void *to, const void __user *from, unsigned long n)
{
	return _copy_from_user(to, from, n);
}
int __get_user_fn(void *x, const void __user *ptr, unsigned long size);
#define get_user(x, ptr) __get_user_fn(&(x), (ptr), sizeof(*(ptr)))

void *vmalloc(unsigned long size);

struct work_struct {
	long data;
};
bool flush_work(struct work_struct *work);
bool cancel_work_sync(struct work_struct *work);

#endif
