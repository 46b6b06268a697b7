// expect-no-diagnostics
task good_no_suspension(std::mutex &m) {
  std::lock_guard<std::mutex> no_warning_1(m);
}
