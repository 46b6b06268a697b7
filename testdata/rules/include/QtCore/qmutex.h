// QtCore/qmutex.h, qreadwritelock.h, qobject.h (QSignalBlocker),
// qproperty.h (QScopedPropertyUpdateGroup), qeventloop.h and
// qcoreapplication.h (stand-in, Qt 6 shapes).  QT_BEGIN_NAMESPACE is empty,
// as in a Qt built without -qtnamespace.
#ifndef AWAIT_HOLDING_RULES_QTCORE_QMUTEX_H
#define AWAIT_HOLDING_RULES_QTCORE_QMUTEX_H

#define QT_BEGIN_NAMESPACE
#define QT_END_NAMESPACE

QT_BEGIN_NAMESPACE

class QBasicMutex {
public:
  void lock() noexcept {}
  bool tryLock() noexcept { return true; }
  void unlock() noexcept {}
};

class QMutex : public QBasicMutex {
public:
  QMutex() = default;
  QMutex(const QMutex &) = delete;
};

class QRecursiveMutex {
public:
  void lock() {}
  void unlock() noexcept {}
};

template <typename Mutex>
class [[nodiscard]] QMutexLocker {
public:
  inline explicit QMutexLocker(Mutex *mutex) noexcept : m_mutex(mutex) {
    if (mutex) {
      mutex->lock();
      m_isLocked = true;
    }
  }
  QMutexLocker(const QMutexLocker &) = delete;
  inline ~QMutexLocker() noexcept {
    if (m_isLocked)
      unlock();
  }
  inline bool isLocked() const noexcept { return m_isLocked; }
  inline void unlock() noexcept {
    m_mutex->unlock();
    m_isLocked = false;
  }
  inline void relock() noexcept {
    m_mutex->lock();
    m_isLocked = true;
  }
  Mutex *mutex() const { return m_mutex; }

private:
  Mutex *m_mutex;
  bool m_isLocked = false;
};

template <typename Mutex>
QMutexLocker(Mutex *) -> QMutexLocker<Mutex>;

class QReadWriteLock {
public:
  void lockForRead() {}
  void lockForWrite() {}
  void unlock() {}
};

class QReadLocker {
public:
  inline explicit QReadLocker(QReadWriteLock *readWriteLock) : q_lock(readWriteLock) { relock(); }
  QReadLocker(const QReadLocker &) = delete;
  inline ~QReadLocker() { unlock(); }
  inline void unlock() {
    if (q_lock)
      q_lock->unlock();
    q_lock = nullptr;
  }
  inline void relock() { q_lock->lockForRead(); }

private:
  QReadWriteLock *q_lock;
};

class QWriteLocker {
public:
  inline explicit QWriteLocker(QReadWriteLock *readWriteLock) : q_lock(readWriteLock) { relock(); }
  QWriteLocker(const QWriteLocker &) = delete;
  inline ~QWriteLocker() { unlock(); }
  inline void unlock() {
    if (q_lock)
      q_lock->unlock();
    q_lock = nullptr;
  }
  inline void relock() { q_lock->lockForWrite(); }

private:
  QReadWriteLock *q_lock;
};

class QObject {
public:
  virtual ~QObject() {}
  bool blockSignals(bool b) noexcept { return b; }
};

class QSignalBlocker {
public:
  inline explicit QSignalBlocker(QObject *o) noexcept : m_o(o) { o->blockSignals(true); }
  inline explicit QSignalBlocker(QObject &o) noexcept : m_o(&o) { o.blockSignals(true); }
  QSignalBlocker(const QSignalBlocker &) = delete;
  inline ~QSignalBlocker() {
    if (m_o)
      m_o->blockSignals(false);
  }
  inline void reblock() noexcept {}
  inline void unblock() noexcept {}

private:
  QObject *m_o;
};

namespace Qt {
void beginPropertyUpdateGroup();
void endPropertyUpdateGroup();
} // namespace Qt

class QScopedPropertyUpdateGroup {
public:
  QScopedPropertyUpdateGroup() { Qt::beginPropertyUpdateGroup(); }
  QScopedPropertyUpdateGroup(const QScopedPropertyUpdateGroup &) = delete;
  ~QScopedPropertyUpdateGroup() noexcept(false) { Qt::endPropertyUpdateGroup(); }
};

class QEventLoop : public QObject {
public:
  enum ProcessEventsFlag { AllEvents = 0x00, ExcludeUserInputEvents = 0x01 };
  using ProcessEventsFlags = int;
  bool processEvents(ProcessEventsFlags flags = AllEvents);
  int exec(ProcessEventsFlags flags = AllEvents);
  void quit();
};

class QCoreApplication : public QObject {
public:
  static int exec();
  static void processEvents(QEventLoop::ProcessEventsFlags flags = QEventLoop::AllEvents);
  static void sendPostedEvents(QObject *receiver = nullptr, int event_type = 0);
};

QT_END_NAMESPACE

#endif
