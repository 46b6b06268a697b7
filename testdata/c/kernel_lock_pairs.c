// verify-args: -std=gnu11 -I ../include/c
// verify-config: ../configs/c_kernel.toml
//
// Kernel lock pairs: mutex_lock/mutex_unlock and spin_lock/spin_unlock
// held across msleep() or schedule(), also when the schedule() call comes
// from a macro (wait_event); the note is at the macro's use.  A local
// struct mutex is no guard (no cleanup).  The reason given for msleep in
// suspend-functions is not printed: the reason note belongs to types.
#include "cleanup_stub.h"

struct my_dev {
  struct mutex lock;
  spinlock_t irq_lock;
  struct wait_queue_head wq;
  int ready;
};

int n;

void bad_mutex_across_msleep(struct my_dev *dev) {
  mutex_lock(&dev->lock); // expect-warning {{'dev->lock' of type 'struct mutex' is held across a suspension point}}
  msleep(10); // expect-note {{suspended here by call to 'msleep'}}
  mutex_unlock(&dev->lock);
}

void bad_spinlock_across_wait_event(struct my_dev *dev) {
  spin_lock(&dev->irq_lock); // expect-warning {{'dev->irq_lock' of type 'spinlock_t' is held across a suspension point}}
  wait_event(dev->wq, dev->ready); // expect-note {{suspended here by call to 'schedule'}}
  spin_unlock(&dev->irq_lock);
}

void good_unlock_before_wait_event(struct my_dev *dev) {
  mutex_lock(&dev->lock);
  dev->ready = 0;
  mutex_unlock(&dev->lock);
  wait_event(dev->wq, dev->ready);
}

int good_error_path(struct my_dev *dev) {
  spin_lock(&dev->irq_lock);
  if (!dev->ready) {
    spin_unlock(&dev->irq_lock);
    return -1;
  }
  dev->ready = 0;
  spin_unlock(&dev->irq_lock);
  schedule();
  return 0;
}

void good_local_mutex_object(void) {
  struct mutex no_warning_1;
  no_warning_1.owner = 0;
  msleep(1);
}
