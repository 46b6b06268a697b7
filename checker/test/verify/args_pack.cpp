// verify-config: std
// expect-no-diagnostics
