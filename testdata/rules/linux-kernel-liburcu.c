// verify-config: linux-kernel
// verify-args: -std=gnu11 -D_LGPL_SOURCE -I include
//
// Userspace RCU (liburcu), as bcachefs-tools builds the kernel code:
// rcu_read_lock is an object-like macro for urcu_memb_read_lock(), and
// synchronize_rcu for urcu_memb_synchronize_rcu().  One critical section
// per site, named as written.
#include "urcu.h"

struct node {
	int key;
};

void bad_synchronize_in_read_section(struct node *n)
{
	rcu_read_lock(); // expect-warning {{'rcu_read_lock' of type 'critical section' is held across a suspension point}}
	// expect-note@-1 {{reason: blocking inside an RCU read-side critical section is illegal}}
	n->key = 1;
	synchronize_rcu(); // expect-note {{suspended here by macro 'synchronize_rcu'}}
	rcu_read_unlock();
}

void good_synchronize_after_unlock(struct node *n)
{
	rcu_read_lock();
	n->key = 1;
	rcu_read_unlock();
	synchronize_rcu();
}

// Calling the flavor's function directly is the same critical section.
void bad_flavor_function(struct node *n)
{
	urcu_memb_read_lock(); // expect-warning {{'urcu_memb_read_lock' of type 'critical section'}}
	// expect-note@-1 {{reason: blocking inside an RCU read-side critical section is illegal}}
	n->key = 2;
	urcu_memb_synchronize_rcu(); // expect-note {{suspended here by call to 'urcu_memb_synchronize_rcu'}}
	urcu_memb_read_unlock();
}
