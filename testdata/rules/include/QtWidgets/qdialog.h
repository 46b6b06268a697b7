// QtWidgets/qdialog.h and qmessagebox.h (stand-in): modal dialogs run a
// nested event loop inside exec().
#ifndef AWAIT_HOLDING_RULES_QTWIDGETS_QDIALOG_H
#define AWAIT_HOLDING_RULES_QTWIDGETS_QDIALOG_H

#include "../QtCore/qmutex.h"

class QDialog : public QObject {
public:
  virtual int exec();
};

class QMessageBox : public QDialog {
public:
  int exec() override;
};

#endif
