/*
 * libmill.h (stand-in): the user-facing names are macros that call the
 * mill_..._ functions with the caller's file and line.
 */
#ifndef AWAIT_HOLDING_RULES_LIBMILL_H
#define AWAIT_HOLDING_RULES_LIBMILL_H

#include <stddef.h>
#include <stdint.h>

#define mill_string2_(x) #x
#define mill_string1_(x) mill_string2_(x)
#define MILL_HERE_ (__FILE__ ":" mill_string1_(__LINE__))

struct mill_chan_;
struct mill_tcpsock_;

void mill_yield_(const char *current);
void mill_msleep_(int64_t deadline, const char *current);
int mill_fdwait_(int fd, int events, int64_t deadline, const char *current);
void mill_chs_(struct mill_chan_ *ch, void *val, size_t sz, const char *current);
void *mill_chr_(struct mill_chan_ *ch, size_t sz, const char *current);
size_t mill_tcprecv_(struct mill_tcpsock_ *s, void *buf, size_t len, int64_t deadline);

#define MILL_FDW_IN 1
#define yield() mill_yield_(MILL_HERE_)
#define msleep(deadline) mill_msleep_((deadline), MILL_HERE_)
#define fdwait(fd, events, deadline) mill_fdwait_((fd), (events), (deadline), MILL_HERE_)

#define mill_chs__(channel, type, value) do { \
	type mill_val = (value); \
	mill_chs_((channel), &mill_val, sizeof(type), MILL_HERE_); \
} while (0)
#define mill_chr__(channel, type) (*(type *)mill_chr_((channel), sizeof(type), MILL_HERE_))

typedef struct mill_chan_ *chan;
typedef struct mill_tcpsock_ *tcpsock;
#define chs(ch, tp, val) mill_chs__((ch), tp, (val))
#define chr(ch, tp) mill_chr__((ch), tp)
#define tcprecv mill_tcprecv_

#endif
