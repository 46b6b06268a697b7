#pragma once
#include "sched.h"
inline void pause_now() { sched::yield(); }
