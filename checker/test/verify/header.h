// Fixture for test_verify.c: header.cpp includes this file.
inline task bad_in_header(std::mutex &m) {
  std::lock_guard<std::mutex> h(m); // expect-warning {{'h'}}
  co_await yield_now();             // expect-note {{co_await}}
}
