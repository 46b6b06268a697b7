/*
 * libco.h (stand-in): byuu's libco (higan-emu/libco, v20), the C one.
 * Its co_create() clashes with Tencent libco's (co_routine.h).
 */
#ifndef AWAIT_HOLDING_RULES_LIBCO_H
#define AWAIT_HOLDING_RULES_LIBCO_H

#ifdef __cplusplus
extern "C" {
#endif

typedef void *cothread_t;

cothread_t co_active(void);
cothread_t co_derive(void *, unsigned int, void (*)(void));
cothread_t co_create(unsigned int, void (*)(void));
void co_delete(cothread_t);
void co_switch(cothread_t);
int co_serializable(void);

#ifdef __cplusplus
}
#endif

#endif
