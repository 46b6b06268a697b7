# The libFuzzer harnesses in fuzz/ (option AH_FUZZ; clang only).
#
# Everything in the build is instrumented for coverage and built with
# AddressSanitizer and UndefinedBehaviorSanitizer; the harnesses link
# libFuzzer's main.  A build directory of its own is best:
#
#   cmake -S . -B build-fuzz -G Ninja -DAH_FUZZ=ON -DCMAKE_C_COMPILER=clang-22
#   ninja -C build-fuzz fuzz_toml fuzz_config fuzz_compdb
#
# bash .ci/fuzz builds them, replays the corpora and fuzzes each briefly.

if(NOT CMAKE_C_COMPILER_ID MATCHES "Clang")
  message(FATAL_ERROR "AH_FUZZ needs clang (-fsanitize=fuzzer): configure with -DCMAKE_C_COMPILER=clang-22")
endif()
set(AH_FUZZ_SANITIZERS address,undefined,float-cast-overflow)
add_compile_options(-fsanitize=fuzzer-no-link,${AH_FUZZ_SANITIZERS}
                    -fno-sanitize-recover=all -fno-omit-frame-pointer)
add_link_options(-fsanitize=${AH_FUZZ_SANITIZERS})

foreach(h toml config compdb)
  add_executable(fuzz_${h} fuzz/fuzz_${h}.c)
  target_compile_options(fuzz_${h} PRIVATE ${AH_WARNINGS})
  target_link_libraries(fuzz_${h} PRIVATE ah_core)
  target_link_options(fuzz_${h} PRIVATE -fsanitize=fuzzer)
endforeach()
