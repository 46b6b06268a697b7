// Fixture for test_verify.c: a header without markers.
struct task {};
