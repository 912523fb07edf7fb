# checks.cmake: the built-in check catalog's own tests.
#  - checks/rego_test: `osprey rego test checks/` runs every *_test.rego beside the checks and
#    the lib (each check's tests hold a failing, a passing and an edge case).
#  - the catalog consistency test (every check has METADATA, an id, a _test.rego, and the
#    compliance specs match the checks' framework ids) is the unit test unit/scan/test_catalog_meta;
#    it also carries the "docs" label.
add_test(NAME checks/rego_test COMMAND $<TARGET_FILE:osprey> rego test ${CMAKE_SOURCE_DIR}/checks
         WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
set_tests_properties(checks/rego_test PROPERTIES LABELS "checks" ENVIRONMENT "${osp_test_env}" TIMEOUT 300)
if(TEST unit/scan/test_catalog_meta)
  set_tests_properties(unit/scan/test_catalog_meta PROPERTIES LABELS "unit;docs")
endif()

# bench_scan: CPU time of the full catalog on a synthetic ~1000-resource account (by hand).
add_executable(bench_scan EXCLUDE_FROM_ALL ${CMAKE_SOURCE_DIR}/tests/bench/bench_scan.c)
target_link_libraries(bench_scan PRIVATE osp_scan)
