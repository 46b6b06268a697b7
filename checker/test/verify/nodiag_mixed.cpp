// expect-no-diagnostics
void f(); // expect-warning {{x}}
