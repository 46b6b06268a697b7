#pragma once
void enqueue(int job);
void relay(int job);
