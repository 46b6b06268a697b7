// Fixture for test_verify.c: the tests use these line numbers.
const char *s = "// expect-warning {{in a string}}";
char c = '"'; int n = 1'000; // expect-note {{after literals}}
const char *u = "a\"b // expect-error {{escaped quote}}";
char slash = '/'; /* expect-warning {{block}} */ char star = '*';
/* a block comment on three lines:
   expect-note {{second line of a block}}
*/ const char *t = "/* expect-error {{not a comment}} */";
