# Tests: unit tests of the modules that do not use libclang, one verify
# test per testdata file, and the command-line tests.

# Each takes its fixture directory, checker/test/NAME, as its argument
# (those that have none ignore it).
foreach(t toml compdb verify flow rules strmap scan diag summary util suppress own report index)
  if(EXISTS ${PROJECT_SOURCE_DIR}/checker/test/test_${t}.c)
    add_executable(test_${t} checker/test/test_${t}.c)
    target_compile_options(test_${t} PRIVATE ${AH_WARNINGS})
    target_link_libraries(test_${t} PRIVATE ah_core)
    add_test(NAME unit/${t}
             COMMAND test_${t} ${PROJECT_SOURCE_DIR}/checker/test/${t}
             WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
  endif()
endforeach()

find_program(AH_CLANGXX NAMES clang++-22 clang++)
find_program(AH_CLANG NAMES clang-22 clang)

file(GLOB_RECURSE ah_cases CONFIGURE_DEPENDS
     ${PROJECT_SOURCE_DIR}/testdata/*.cpp ${PROJECT_SOURCE_DIR}/testdata/*.c)
foreach(case IN LISTS ah_cases)
  file(RELATIVE_PATH name ${PROJECT_SOURCE_DIR} ${case})
  if(name MATCHES "^testdata/(cli|output|compdb)/")
    continue()
  endif()
  if(name MATCHES "^testdata/known-bugs/")
    # WILL_FAIL, through a script that fails only on the expected
    # mismatches: a crash or a usage error is not the known bug.
    add_test(NAME verify/${name}
             COMMAND bash ${PROJECT_SOURCE_DIR}/testdata/known-bugs/run.sh
                     $<TARGET_FILE:await-holding> ${case})
    set_tests_properties(verify/${name} PROPERTIES WILL_FAIL TRUE)
  else()
    add_test(NAME verify/${name} COMMAND await-holding --verify ${case})
  endif()
endforeach()
add_test(NAME known-bugs/run.sh
         COMMAND bash ${PROJECT_SOURCE_DIR}/testdata/known-bugs/selftest.sh)

# testdata/cli/NAME.sh other than run.sh and lib.sh (their shared harness):
# one more test each, cli/NAME
file(GLOB ah_cli_scripts CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/testdata/cli/*.sh)
foreach(script IN LISTS ah_cli_scripts)
  get_filename_component(stem ${script} NAME_WE)
  if(NOT stem STREQUAL "run" AND NOT stem STREQUAL "lib")
    add_test(NAME cli/${stem} COMMAND bash ${script} $<TARGET_FILE:await-holding>)
  endif()
endforeach()

if(EXISTS ${PROJECT_SOURCE_DIR}/testdata/cli/run.sh)
  add_test(NAME cli COMMAND bash ${PROJECT_SOURCE_DIR}/testdata/cli/run.sh
                            $<TARGET_FILE:await-holding>)
endif()

# ---- reporting: SARIF, GitHub annotations, baselines, progress (testdata/cli/ci.sh)
# The official SARIF 2.1.0 schema is not in this repository; point
# AH_SARIF_SCHEMA at sarif-schema-2.1.0.json (from the OASIS sarif-spec
# repository) to validate every SARIF the test writes.  Without it the
# test checks what GitHub needs only and reports SKIPPED.
set(AH_SARIF_SCHEMA "" CACHE FILEPATH "sarif-schema-2.1.0.json for the SARIF tests")
if(NOT AH_SARIF_SCHEMA AND EXISTS ${PROJECT_SOURCE_DIR}/../shared/sarif/sarif-schema-2.1.0.json)
  get_filename_component(AH_SARIF_SCHEMA
    ${PROJECT_SOURCE_DIR}/../shared/sarif/sarif-schema-2.1.0.json ABSOLUTE)
endif()
# cli/ci, cli/install and cli/docs are made by the glob above
foreach(t ci install docs)
  if(EXISTS ${PROJECT_SOURCE_DIR}/testdata/cli/${t}.sh)
    set_tests_properties(cli/${t} PROPERTIES SKIP_RETURN_CODE 77
                         ENVIRONMENT "AH_SARIF_SCHEMA=${AH_SARIF_SCHEMA}")
  endif()
endforeach()
# install and docs install into a temporary prefix and run cpack: one at a time
foreach(t install docs)
  if(EXISTS ${PROJECT_SOURCE_DIR}/testdata/cli/${t}.sh)
    set_tests_properties(cli/${t} PROPERTIES RUN_SERIAL TRUE)
  endif()
endforeach()
