#pragma once
namespace sched {
void yield();
}
