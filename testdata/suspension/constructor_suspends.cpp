// verify-args: -std=c++17
// verify-config: c-coroutines
//
// A constructor is a call: one that may suspend is a suspension point for
// the locks held around it, declared, as a temporary or in a
// new-expression.  Tencent libco's clsSmartLock (co_comm.h) waits in its
// constructor: clsCoMutex::CoLock() calls co_cond_timedwait() when the
// co-mutex is taken.  Stand-ins shaped after co_routine.h / co_comm.h.
struct pthread_mutex_t { int opaque; };
int pthread_mutex_lock(pthread_mutex_t *m);
int pthread_mutex_unlock(pthread_mutex_t *m);

struct stCoCond_t;
int co_cond_timedwait(stCoCond_t *, int timeout_ms);
int co_cond_signal(stCoCond_t *);

class clsCoMutex {
 public:
  void CoLock() {
    if (m_iWaitItemCnt > 0) {
      m_iWaitItemCnt++;
      co_cond_timedwait(m_ptCondSignal, -1);
    } else {
      m_iWaitItemCnt++;
    }
  }
  void CoUnLock() {
    m_iWaitItemCnt--;
    co_cond_signal(m_ptCondSignal);
  }
 private:
  stCoCond_t *m_ptCondSignal = nullptr;
  int m_iWaitItemCnt = 0;
};

class clsSmartLock {
 public:
  clsSmartLock(clsCoMutex *m) { m_ptMutex = m; m_ptMutex->CoLock(); }
  ~clsSmartLock() { m_ptMutex->CoUnLock(); }
 private:
  clsCoMutex *m_ptMutex;
};

pthread_mutex_t m;
clsCoMutex comutex;
int shared;

void bad_ctor_local() {
  pthread_mutex_lock(&m); // expect-warning {{'m' of type 'pthread_mutex_t' is held across a suspension point}}
  clsSmartLock l(&comutex); // expect-note {{suspended here by}}
  shared++;
  pthread_mutex_unlock(&m);
}

void bad_ctor_temporary() {
  pthread_mutex_lock(&m); // expect-warning {{'m' of type 'pthread_mutex_t' is held across a suspension point}}
  clsSmartLock(&comutex), shared++; // expect-note {{suspended here by}}
  pthread_mutex_unlock(&m);
}

void bad_new_expression() {
  pthread_mutex_lock(&m); // expect-warning {{'m' of type 'pthread_mutex_t' is held across a suspension point}}
  clsSmartLock *p = new clsSmartLock(&comutex); // expect-note {{suspended here by}}
  pthread_mutex_unlock(&m);
  delete p;
}

// control: the same wait through a member call is reported today
void bad_member_call() {
  pthread_mutex_lock(&m); // expect-warning {{'m' of type 'pthread_mutex_t' is held across a suspension point}}
  comutex.CoLock(); // expect-note {{suspended here by call that may suspend (clsCoMutex::CoLock -> co_cond_timedwait)}}
  pthread_mutex_unlock(&m);
  comutex.CoUnLock();
}

// a co-mutex guard held across a suspension is its purpose: not a guard
struct Plain {
  Plain(int *p) { ++*p; }
};

void good_constructor_does_not_suspend() {
  pthread_mutex_lock(&m);
  Plain p(&shared);
  Plain(&shared), shared++;
  pthread_mutex_unlock(&m);
}

void good_released_before() {
  pthread_mutex_lock(&m);
  shared++;
  pthread_mutex_unlock(&m);
  clsSmartLock l(&comutex);
}

void good_comutex_guard_only() {
  clsSmartLock no_warning_1(&comutex);
  co_cond_timedwait(nullptr, 10);
}
