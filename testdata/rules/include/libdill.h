/*
 * libdill.h (stand-in): the dill_ functions and, unless
 * DILL_DISABLE_RAW_NAMES, the raw names as macros for them.  go() and
 * bundle_go() are libdill.h's macros (the portable sigsetjmp branch).
 */
#ifndef AWAIT_HOLDING_RULES_LIBDILL_H
#define AWAIT_HOLDING_RULES_LIBDILL_H

#include <alloca.h>
#include <setjmp.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#define DILL_EXPORT __attribute__((visibility("default")))

DILL_EXPORT int64_t dill_now(void);

#define dill_coroutine __attribute__((noinline))
DILL_EXPORT extern volatile void *dill_unoptimisable;
DILL_EXPORT __attribute__((noinline)) int dill_prologue(sigjmp_buf **ctx,
    void **ptr, size_t len, int bndl, const char *file, int line);
DILL_EXPORT __attribute__((noinline)) void dill_epilogue(void);
#define dill_setjmp(ctx) sigsetjmp(ctx, 0)
#define dill_setsp(x) \
    dill_unoptimisable = alloca((char*)alloca(sizeof(size_t)) - (char*)(x));
#define dill_go_(fn, ptr, len, bndl) \
    __extension__ ({\
        sigjmp_buf *dill_ctx__;\
        void *dill_stk__ = (ptr);\
        int dill_handle__ = dill_prologue(&dill_ctx__, &dill_stk__, (len),\
            (bndl), __FILE__, __LINE__);\
        if(dill_handle__ >= 0) {\
            if(!dill_setjmp(*dill_ctx__)) {\
                dill_setsp(dill_stk__);\
                fn;\
                dill_epilogue();\
            }\
        }\
        dill_handle__;\
    })
#define dill_go(fn) dill_go_(fn, NULL, 0, -1)
#define dill_go_mem(fn, ptr, len) dill_go_(fn, ptr, len, -1)
#define dill_bundle_go(bndl, fn) dill_go_(fn, NULL, 0, bndl)
#define dill_bundle_go_mem(bndl, fn, ptr, len) dill_go_(fn, ptr, len, bndl)

DILL_EXPORT int dill_msleep(int64_t deadline);
DILL_EXPORT int dill_fdin(int fd, int64_t deadline);
DILL_EXPORT int dill_fdout(int fd, int64_t deadline);
DILL_EXPORT int dill_hclose(int h);
DILL_EXPORT int dill_bundle(void);
DILL_EXPORT int dill_bundle_wait(int h, int64_t deadline);
DILL_EXPORT int dill_yield(void);
DILL_EXPORT int dill_chmake(int chv[2]);
DILL_EXPORT int dill_chsend(int ch, const void *val, size_t len, int64_t deadline);
DILL_EXPORT int dill_chrecv(int ch, void *val, size_t len, int64_t deadline);
DILL_EXPORT int dill_chdone(int ch);
DILL_EXPORT int dill_brecv(int s, void *buf, size_t len, int64_t deadline);
DILL_EXPORT int dill_bsend(int s, const void *buf, size_t len, int64_t deadline);

struct dill_iolist {
    void *iol_base;
    size_t iol_len;
    struct dill_iolist *iol_next;
    int iol_rsvd;
};
struct dill_ipaddr {char _[32];};
struct dill_tcp_storage {char _[72];};
struct dill_ipc_storage {char _[72];};

DILL_EXPORT int dill_ipaddr_remote(struct dill_ipaddr *addr, const char *name, int port, int mode, int64_t deadline);
DILL_EXPORT int dill_ipaddr_remotes(struct dill_ipaddr *addrs, int naddrs, const char *name, int port, int mode, int64_t deadline);
DILL_EXPORT int dill_tcp_accept(int s, struct dill_ipaddr *addr, int64_t deadline);
DILL_EXPORT int dill_tcp_accept_mem(int s, struct dill_ipaddr *addr, struct dill_tcp_storage *mem, int64_t deadline);
DILL_EXPORT int dill_tcp_connect(const struct dill_ipaddr *addr, int64_t deadline);
DILL_EXPORT int dill_tcp_connect_mem(const struct dill_ipaddr *addr, struct dill_tcp_storage *mem, int64_t deadline);
DILL_EXPORT int dill_tcp_done(int s, int64_t deadline);
DILL_EXPORT int dill_tcp_close(int s, int64_t deadline);
DILL_EXPORT int dill_ipc_accept(int s, int64_t deadline);
DILL_EXPORT int dill_ipc_accept_mem(int s, struct dill_ipc_storage *mem, int64_t deadline);
DILL_EXPORT int dill_ipc_connect(const char *addr, int64_t deadline);
DILL_EXPORT int dill_ipc_connect_mem(const char *addr, struct dill_ipc_storage *mem, int64_t deadline);
DILL_EXPORT int dill_ipc_done(int s, int64_t deadline);
DILL_EXPORT int dill_ipc_close(int s, int64_t deadline);
DILL_EXPORT int dill_ipc_sendfd(int s, int fd, int64_t deadline);
DILL_EXPORT int dill_ipc_recvfd(int s, int64_t deadline);
DILL_EXPORT int dill_udp_open(struct dill_ipaddr *local, const struct dill_ipaddr *remote);
DILL_EXPORT int dill_udp_send(int s, const struct dill_ipaddr *addr, const void *buf, size_t len);
DILL_EXPORT ssize_t dill_udp_recv(int s, struct dill_ipaddr *addr, void *buf, size_t len, int64_t deadline);
DILL_EXPORT int dill_udp_sendl(int s, const struct dill_ipaddr *addr, struct dill_iolist *first, struct dill_iolist *last);
DILL_EXPORT ssize_t dill_udp_recvl(int s, struct dill_ipaddr *addr, struct dill_iolist *first, struct dill_iolist *last, int64_t deadline);
DILL_EXPORT int dill_happyeyeballs_connect(const char *name, int port, int64_t deadline);

#if !defined DILL_DISABLE_RAW_NAMES
#define coroutine dill_coroutine
#define go dill_go
#define go_mem dill_go_mem
#define bundle_go dill_bundle_go
#define bundle_go_mem dill_bundle_go_mem
#define now dill_now
#define msleep dill_msleep
#define fdin dill_fdin
#define fdout dill_fdout
#define hclose dill_hclose
#define bundle dill_bundle
#define bundle_wait dill_bundle_wait
#define yield dill_yield
#define chmake dill_chmake
#define chsend dill_chsend
#define chrecv dill_chrecv
#define chdone dill_chdone
#define brecv dill_brecv
#define bsend dill_bsend
#define iolist dill_iolist
#define ipaddr dill_ipaddr
#define ipaddr_remote dill_ipaddr_remote
#define ipaddr_remotes dill_ipaddr_remotes
#define tcp_storage dill_tcp_storage
#define tcp_accept dill_tcp_accept
#define tcp_accept_mem dill_tcp_accept_mem
#define tcp_connect dill_tcp_connect
#define tcp_connect_mem dill_tcp_connect_mem
#define tcp_done dill_tcp_done
#define tcp_close dill_tcp_close
#define ipc_storage dill_ipc_storage
#define ipc_accept dill_ipc_accept
#define ipc_accept_mem dill_ipc_accept_mem
#define ipc_connect dill_ipc_connect
#define ipc_connect_mem dill_ipc_connect_mem
#define ipc_done dill_ipc_done
#define ipc_close dill_ipc_close
#define ipc_sendfd dill_ipc_sendfd
#define ipc_recvfd dill_ipc_recvfd
#define udp_open dill_udp_open
#define udp_send dill_udp_send
#define udp_recv dill_udp_recv
#define udp_sendl dill_udp_sendl
#define udp_recvl dill_udp_recvl
#define happyeyeballs_connect dill_happyeyeballs_connect
#endif

#endif
