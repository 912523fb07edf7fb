# fuzz.cmake: the fuzz targets of tests/fuzz/ (included by tests/tests.cmake).
# - with -DOSPREY_FUZZ=ON (clang): one libFuzzer executable fuzz_<target> per target;
# - always (any compiler): fuzz_replay_<target>, the target linked with tests/fuzz/replay.c, and a
#   CTest test fuzz-replay/<target> (label unit) that replays tests/fuzz/corpus/<target>/ and
#   tests/fuzz/regress/<target>/, so saved seeds and minimised crashers run on every build.
# Targets whose owners register them in their own fragment (artifact_unpack in cache.cmake) are
# left to them; rego_parse is registered here only while no other fragment mentions it.
# How to build, run and add crashers: tests/fuzz/TARGETS.md.
set(osp_fuzz_dir ${CMAKE_SOURCE_DIR}/tests/fuzz)

if(OSPREY_FUZZ AND NOT CMAKE_C_COMPILER_ID MATCHES "Clang")
  message(FATAL_ERROR "OSPREY_FUZZ=ON needs clang (libFuzzer): configure with -DCMAKE_C_COMPILER=clang")
endif()

# osp_fuzz_target(<target> <library>): fuzz_<target>, fuzz_replay_<target>, fuzz-replay/<target>.
function(osp_fuzz_target target lib)
  set(src ${osp_fuzz_dir}/fuzz_${target}.c)
  if(NOT EXISTS ${src} OR NOT TARGET ${lib})
    return()
  endif()
  if(OSPREY_FUZZ)
    add_executable(fuzz_${target} ${src})
    target_compile_definitions(fuzz_${target} PRIVATE OSPREY_FUZZ_LIBFUZZER=1)
    target_link_options(fuzz_${target} PRIVATE -fsanitize=fuzzer,address,undefined)
    target_link_libraries(fuzz_${target} PRIVATE ${lib})
  endif()
  # A target that brings its own replay main() (under #ifndef OSPREY_FUZZ_LIBFUZZER) is built alone.
  file(READ ${src} body)
  if(body MATCHES "int main\\(")
    add_executable(fuzz_replay_${target} ${src})
  else()
    add_executable(fuzz_replay_${target} ${src} ${osp_fuzz_dir}/replay.c)
  endif()
  target_link_libraries(fuzz_replay_${target} PRIVATE ${lib})
  if(OSPREY_FUZZ)
    target_link_options(fuzz_replay_${target} PRIVATE -fsanitize=address,undefined)
  endif()
  add_test(NAME fuzz-replay/${target}
           COMMAND fuzz_replay_${target} ${osp_fuzz_dir}/corpus/${target} ${osp_fuzz_dir}/regress/${target}
           WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
  set_tests_properties(fuzz-replay/${target} PROPERTIES LABELS unit TIMEOUT 300 ENVIRONMENT "${osp_test_env}")
endfunction()

osp_fuzz_target(xml_response osp_aws)
osp_fuzz_target(json_response osp_aws)
osp_fuzz_target(aws_error osp_aws)
osp_fuzz_target(ini_config osp_creds)
osp_fuzz_target(credential_process osp_creds)
osp_fuzz_target(ignore_file osp_results)
osp_fuzz_target(json_report osp_formats)
osp_fuzz_target(cwfilter osp_core)
osp_fuzz_target(yaml_spec osp_scan)
osp_fuzz_target(rego_eval osp_scan)

# Targets other engineers own: registered here only when no other fragment does it.
file(GLOB osp_fuzz_fragments ${CMAKE_SOURCE_DIR}/tests/cmake/*.cmake)
list(REMOVE_ITEM osp_fuzz_fragments ${CMAKE_CURRENT_LIST_FILE})
foreach(pair "rego_parse:osp_rego" "artifact_unpack:osp_cache")
  string(REPLACE ":" ";" pair ${pair})
  list(GET pair 0 target)
  list(GET pair 1 lib)
  set(claimed OFF)
  foreach(frag ${osp_fuzz_fragments})
    file(READ ${frag} text)
    if(text MATCHES "fuzz_${target}")
      set(claimed ON)
    endif()
  endforeach()
  if(NOT claimed)
    osp_fuzz_target(${target} ${lib})
  endif()
endforeach()
