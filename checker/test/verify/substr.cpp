// Fixture for test_verify.c: the tests use these line numbers.
void f() {
  lock(); // expect-warning {{held across}}
  wait(); // expect-note 2 {{co_await}}
  both(); // expect-warning {{'a'}} expect-warning {{'b'}} expect-note {{co_yield}}
  // expect-warning@+1 {{'c'}}
  long_line();
  other(); /* expect-error {{no member named}} */
  guarded(); // expect-warning {{'r'}} expect-note {{reason: not reentrant}}
  // expect-note@-1 {{suspended here by call to 'sleep'}}
  // expect-warning@16 {{'d'}}
  /* a block comment
     expect-note {{by macro 'CO_WAIT'}} */
  pair(); // expect-warning {{is held}} expect-warning {{'lk'}}
  // filler
  dd();
}
