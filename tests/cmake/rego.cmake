# rego.cmake: Rego engine tests that are not one-file-per-test (included by tests/tests.cmake).
# - rego/conformance: OPA's v1 conformance suite from ${OSPREY_SHARED_DIR}, run through
#   run_conformance.py against `osprey rego eval`. Cases listed in
#   tests/rego/conformance-known-failures.txt may fail; any other failure fails the test, and
#   listed cases that now pass are reported as "fixed" (remove them from the list).
# - rego/cases: the data-driven cases of tests/rego/*.test (tests/rego/run_rego_tests.py).
# - fuzz_rego_parse: the parser/compiler fuzz target (tests/fuzz/fuzz_rego_parse.c), through
#   fuzz.cmake's osp_fuzz_target: a libFuzzer binary when OSPREY_FUZZ is ON (clang), and on every
#   build fuzz_replay_rego_parse + the CTest fuzz-replay/rego_parse over the saved corpus and
#   crashers. How to run it: tests/fuzz/README.md.
set(osp_conformance ${OSPREY_SHARED_DIR}/rego-conformance)
if(EXISTS ${osp_conformance}/run_conformance.py)
  add_test(NAME rego/conformance
           COMMAND python3 ${osp_conformance}/run_conformance.py
                   --suite ${osp_conformance} --versions v1 -j 8 -q --timeout 60
                   --tool "$<TARGET_FILE:osprey> rego eval" --input-term-flag=--input-term
                   --known-failures ${CMAKE_SOURCE_DIR}/tests/rego/conformance-known-failures.txt
           WORKING_DIRECTORY ${CMAKE_BINARY_DIR})
  set_tests_properties(rego/conformance PROPERTIES LABELS "rego;conformance" TIMEOUT 1800
                       ENVIRONMENT "${osp_test_env}")
endif()

add_test(NAME rego/cases
         COMMAND python3 ${CMAKE_SOURCE_DIR}/tests/rego/run_rego_tests.py
                 --osprey $<TARGET_FILE:osprey> ${CMAKE_SOURCE_DIR}/tests/rego
         WORKING_DIRECTORY ${CMAKE_BINARY_DIR})
set_tests_properties(rego/cases PROPERTIES LABELS "rego;unit" TIMEOUT 300 ENVIRONMENT "${osp_test_env}")

if(COMMAND osp_fuzz_target)
  osp_fuzz_target(rego_parse osp_rego)
elseif(OSPREY_FUZZ)
  add_executable(fuzz_rego_parse ${CMAKE_SOURCE_DIR}/tests/fuzz/fuzz_rego_parse.c)
  target_link_options(fuzz_rego_parse PRIVATE -fsanitize=fuzzer,address,undefined)
  target_link_libraries(fuzz_rego_parse PRIVATE osp_rego)
endif()

# `osprey rego test` over a policy directory with _test.rego files (exit 0: every test passes).
add_test(NAME rego/test-command
         COMMAND $<TARGET_FILE:osprey> rego test -v ${CMAKE_SOURCE_DIR}/tests/rego/policies)
set_tests_properties(rego/test-command PROPERTIES LABELS "rego;unit" TIMEOUT 60
                     PASS_REGULAR_EXPRESSION "PASS: 4/4")

# Library replacement: a user's lib.aws.trails replaces osprey's (and osprey's modules that need
# the built-in one are left out); imports after rules parse. --no-builtin-lib loads no lib at all.
add_test(NAME rego/lib-replacement
         COMMAND $<TARGET_FILE:osprey> rego test -v ${CMAKE_SOURCE_DIR}/tests/rego/libreplace)
set_tests_properties(rego/lib-replacement PROPERTIES LABELS "rego;unit" TIMEOUT 60 PASS_REGULAR_EXPRESSION "PASS: 3/3")
add_test(NAME rego/no-builtin-lib
         COMMAND $<TARGET_FILE:osprey> rego test --no-builtin-lib ${CMAKE_SOURCE_DIR}/tests/rego/libreplace)
set_tests_properties(rego/no-builtin-lib PROPERTIES LABELS "rego;unit" TIMEOUT 60
                     PASS_REGULAR_EXPRESSION "undefined function data.lib.net.is_tcp_protocol")

# trivy-checks' cloud tests, files unchanged (skipped, loudly, without a checkout: CI is offline).
add_test(NAME rego/trivy-checks
         COMMAND python3 ${CMAKE_SOURCE_DIR}/tests/rego/run_trivy_checks.py --osprey $<TARGET_FILE:osprey>)
set_tests_properties(rego/trivy-checks PROPERTIES LABELS "rego;integration" TIMEOUT 300 SKIP_RETURN_CODE 77)
