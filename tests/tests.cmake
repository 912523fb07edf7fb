# Test registration. Every file is picked up by name, so adding a test never touches this file:
#   tests/unit/<layer>/test_<module>.c   -> CUnit executable linked to osp_<layer>, label "unit"
#   tests/integration/<area>/test_*.py   -> python3 script (moto or loopback servers), label "integration"
#   tests/integration/<area>/test_*.sh   -> bash script, label "integration"
# Environment given to every test: OSPREY_BIN, OSPREY_SOURCE_DIR, OSPREY_SHARED, OSPREY_BUILD_DIR.
set(OSPREY_SHARED_DIR "${CMAKE_SOURCE_DIR}/../shared" CACHE PATH "the read-only shared/ folder")
set(osp_test_env
  "OSPREY_BIN=$<TARGET_FILE:osprey>"
  "OSPREY_SOURCE_DIR=${CMAKE_SOURCE_DIR}"
  "OSPREY_SHARED=${OSPREY_SHARED_DIR}"
  "OSPREY_BUILD_DIR=${CMAKE_BINARY_DIR}"
  "PYTHONDONTWRITEBYTECODE=1")

file(GLOB unit_layers LIST_DIRECTORIES true ${CMAKE_SOURCE_DIR}/tests/unit/*)
foreach(layer_dir ${unit_layers})
  if(NOT IS_DIRECTORY ${layer_dir})
    continue()
  endif()
  get_filename_component(layer ${layer_dir} NAME)
  file(GLOB unit_srcs CONFIGURE_DEPENDS ${layer_dir}/test_*.c)
  foreach(src ${unit_srcs})
    get_filename_component(name ${src} NAME_WE)
    set(exe unit_${layer}_${name})
    add_executable(${exe} ${src})
    target_link_libraries(${exe} PRIVATE osp_${layer} PkgConfig::CUNIT)
    target_include_directories(${exe} PRIVATE ${CMAKE_SOURCE_DIR}/tests/unit)
    add_test(NAME unit/${layer}/${name} COMMAND ${exe} WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
    set_tests_properties(unit/${layer}/${name} PROPERTIES LABELS unit ENVIRONMENT "${osp_test_env}")
  endforeach()
endforeach()

file(GLOB_RECURSE integ_tests CONFIGURE_DEPENDS
     ${CMAKE_SOURCE_DIR}/tests/integration/test_*.py ${CMAKE_SOURCE_DIR}/tests/integration/test_*.sh)
foreach(t ${integ_tests})
  file(RELATIVE_PATH rel ${CMAKE_SOURCE_DIR}/tests/integration ${t})
  string(REGEX REPLACE "\\.(py|sh)$" "" tname ${rel})
  if(t MATCHES "\\.py$")
    add_test(NAME integration/${tname} COMMAND python3 ${t} WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
  else()
    add_test(NAME integration/${tname} COMMAND bash ${t} WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
  endif()
  set_tests_properties(integration/${tname} PROPERTIES LABELS integration TIMEOUT 600
                       ENVIRONMENT "${osp_test_env}")
endforeach()

# Extra tests that are not one-file-per-test (conformance suite, rego test of checks/, docs consistency)
# register themselves from tests/*.cmake fragments.
file(GLOB extra_fragments ${CMAKE_SOURCE_DIR}/tests/cmake/*.cmake)
foreach(f ${extra_fragments})
  include(${f})
endforeach()
