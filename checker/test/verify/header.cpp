// Fixture for test_verify.c: the tests use these line numbers.
#include "header.h"
task bad_in_main() {
  use_guard(); // expect-warning {{'g'}}
}
