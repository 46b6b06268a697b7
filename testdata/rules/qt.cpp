// verify-config: qt
// verify-args: -std=c++20 -I include
//
// The "qt" pack: Qt's lockers, QSignalBlocker and
// QScopedPropertyUpdateGroup are guards; a nested event loop
// (processEvents, QEventLoop::exec, a modal dialog's exec) suspends like a
// co_await.  Coroutines are written with QCoro's Task.
#include "QtCore/qmutex.h"
#include "QtWidgets/qdialog.h"
#include "qcoro/qcorotask.h"

QCoro::Task<int> fetch();
void use(int);

QMutex mutex;
QRecursiveMutex rmutex;
QReadWriteLock rw;

QCoro::Task<> bad_mutex_locker() {
  QMutexLocker locker(&mutex); // expect-warning {{'locker' of type 'QMutexLocker<QMutex>' is held across a suspension point}}
  // expect-note@-1 {{reason: a QMutex held across a suspension point blocks every other coroutine and slot that wants it}}
  use(co_await fetch()); // expect-note {{suspended here by co_await}}
}

QCoro::Task<> bad_recursive_locker() {
  QMutexLocker<QRecursiveMutex> locker(&rmutex); // expect-warning {{'locker' of type 'QMutexLocker<QRecursiveMutex>'}}
  // expect-note@-1 {{reason: a QMutex held}}
  co_await fetch(); // expect-note {{suspended here by co_await}}
}

QCoro::Task<> bad_read_write_lockers() {
  {
    QReadLocker r(&rw); // expect-warning {{'r' of type 'QReadLocker'}}
    // expect-note@-1 {{reason: a QReadWriteLock read lock held across a suspension point stalls every writer}}
    co_await fetch(); // expect-note {{suspended here by co_await}}
  }
  QWriteLocker w(&rw); // expect-warning {{'w' of type 'QWriteLocker'}}
  // expect-note@-1 {{reason: a QReadWriteLock write lock}}
  co_await fetch(); // expect-note {{suspended here by co_await}}
}

QCoro::Task<> bad_signal_blocker(QObject *socket) {
  const QSignalBlocker blocker(socket); // expect-warning {{'blocker' of type 'const QSignalBlocker'}}
  // expect-note@-1 {{reason: the blocker silences every signal of the object while it lives}}
  co_await fetch(); // expect-note {{suspended here by co_await}}
}

QCoro::Task<> bad_property_update_group() {
  QScopedPropertyUpdateGroup group; // expect-warning {{'group' of type 'QScopedPropertyUpdateGroup'}}
  // expect-note@-1 {{reason: the group defers every property notification on this thread}}
  co_await fetch(); // expect-note {{suspended here by co_await}}
}

// A nested event loop in a plain function: other slots run on this
// thread, and the first one that locks 'mutex' deadlocks it.
void bad_process_events_under_lock() {
  QMutexLocker locker(&mutex); // expect-warning {{'locker' of type 'QMutexLocker<QMutex>'}}
  // expect-note@-1 {{reason: a QMutex held}}
  QCoreApplication::processEvents(); // expect-note {{suspended here by call to 'QCoreApplication::processEvents'}}
}

void bad_nested_loops(QEventLoop &loop, QDialog &dialog, QMessageBox &box) {
  QWriteLocker w(&rw); // expect-warning {{'w' of type 'QWriteLocker'}}
  // expect-note@-1 {{reason: a QReadWriteLock write lock}}
  loop.exec();   // expect-note {{suspended here by call to 'QEventLoop::exec'}}
  dialog.exec(); // expect-note {{suspended here by call to 'QDialog::exec'}}
  box.exec();    // expect-note {{suspended here by call to 'QMessageBox::exec'}}
}

QCoro::Task<> good_unlock_before() {
  QMutexLocker no_warning_1(&mutex);
  no_warning_1.unlock();
  co_await fetch();
  QReadLocker no_warning_2(&rw);
  no_warning_2.unlock();
  QCoreApplication::processEvents();
}

QCoro::Task<> good_scope_ends(QObject *o) {
  {
    QMutexLocker no_warning_3(&mutex);
    const QSignalBlocker no_warning_4(o);
    QScopedPropertyUpdateGroup no_warning_5;
  }
  co_await fetch();
  QCoreApplication::processEvents();
}

QCoro::Task<> good_after_last_suspension() {
  int v = co_await fetch();
  QMutexLocker no_warning_6(&mutex);
  use(v);
}

// A nested event loop with nothing held is fine.
void good_process_events_alone() {
  QCoreApplication::processEvents();
}
