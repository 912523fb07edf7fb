# cache.cmake: the cache layer's extra build settings and tests (included by tests/tests.cmake).
# - fuzz_artifact_unpack: a libFuzzer target with -DOSPREY_FUZZ=ON (clang), and in every build a
#   plain replay driver over tests/fuzz/corpus/artifact_unpack and tests/fuzz/regress/artifact_unpack.
set(osp_art_fuzz_src ${CMAKE_SOURCE_DIR}/tests/fuzz/fuzz_artifact_unpack.c)
if(EXISTS ${osp_art_fuzz_src})
  if(OSPREY_FUZZ)
    add_executable(fuzz_artifact_unpack ${osp_art_fuzz_src})
    target_compile_definitions(fuzz_artifact_unpack PRIVATE OSPREY_FUZZ_LIBFUZZER=1)
    target_link_options(fuzz_artifact_unpack PRIVATE -fsanitize=fuzzer,address,undefined)
    target_link_libraries(fuzz_artifact_unpack PRIVATE osp_cache)
  endif()
  add_executable(fuzz_replay_artifact_unpack ${osp_art_fuzz_src})
  target_link_libraries(fuzz_replay_artifact_unpack PRIVATE osp_cache)
  if(OSPREY_FUZZ)
    target_link_options(fuzz_replay_artifact_unpack PRIVATE -fsanitize=address,undefined)
  endif()
  # same naming and label as the targets registered by tests/cmake/fuzz.cmake
  add_test(NAME fuzz-replay/artifact_unpack
           COMMAND fuzz_replay_artifact_unpack ${CMAKE_SOURCE_DIR}/tests/fuzz/corpus/artifact_unpack
                   ${CMAKE_SOURCE_DIR}/tests/fuzz/regress/artifact_unpack
           WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
  set_tests_properties(fuzz-replay/artifact_unpack PROPERTIES LABELS unit TIMEOUT 300)
endif()
