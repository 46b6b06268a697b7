// Fixture for test_verify.c: this file has no markers on purpose.
task good_nothing() { co_return; }
