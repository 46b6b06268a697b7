// Fixture for test_verify.c: one malformed marker per line from line 3.
void f() {
  a(); // expect-warnign {{x}}
  b(); // expected-warning {{x}}
  c(); // expect-warning x
  d(); // expect-warning {{x
  e(); // expect-warning {{}}
  g(); // expect-warning@+x {{x}}
  h(); // expect-warning@-100 {{x}}
  i(); // expect-warning 0 {{x}}
  j(); // expect-warning {{x}} {{y}}
  k(); // verify-argz: -std=c++20
  l(); // expect-warning @+1 {{x}}
  m(); // expect-bogus {{x}}
}
