// verify-args: -std=c++20 -I include -Ilocal "-DNAME=a b" -isystem /abs -I../up
/* verify-args: -DX="q\"uote" -iquote sub */
// verify-config: rules/absl.toml
// expect-no-diagnostics
