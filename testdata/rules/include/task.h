/* task.h (stand-in): Russ Cox's libtask. */
#ifndef AWAIT_HOLDING_RULES_TASK_H
#define AWAIT_HOLDING_RULES_TASK_H

typedef struct Task Task;
typedef struct Rendez Rendez;
typedef struct Channel Channel;

int taskcreate(void (*f)(void *arg), void *arg, unsigned int stacksize);
void taskexit(int);
int taskyield(void);
unsigned int taskdelay(unsigned int);
void tasksleep(Rendez *);
int taskwakeup(Rendez *);
int chanrecv(Channel *c, void *v);
int chansend(Channel *c, void *v);
int fdread(int, void *, int);
int fdwrite(int, void *, int);
void fdwait(int, int);

#endif
