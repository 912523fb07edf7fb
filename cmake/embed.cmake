# embed.cmake: compile the built-in checks (checks/**/*.rego except *_test.rego) and the
# compliance specs (checks/compliance/*) into osp_scan, so the binary needs no files at run time.
# The generated C file (gen/scan_embedded.c) defines scan_embedded_files[] (see src/scan/embed.h).
# Adding or removing a check file needs a re-configure (the glob is CONFIGURE_DEPENDS).
file(GLOB_RECURSE OSP_EMBED_CHECKS CONFIGURE_DEPENDS
     RELATIVE ${CMAKE_SOURCE_DIR}
     ${CMAKE_SOURCE_DIR}/checks/*.rego ${CMAKE_SOURCE_DIR}/checks/compliance/*.yaml)
list(FILTER OSP_EMBED_CHECKS EXCLUDE REGEX "_test\\.rego$")
list(SORT OSP_EMBED_CHECKS)
set(OSP_EMBED_OUT ${CMAKE_BINARY_DIR}/gen/scan_embedded.c)
set(OSP_EMBED_DEPS "")
foreach(f ${OSP_EMBED_CHECKS})
  list(APPEND OSP_EMBED_DEPS ${CMAKE_SOURCE_DIR}/${f})
endforeach()
string(REPLACE ";" "|" OSP_EMBED_LIST "${OSP_EMBED_CHECKS}")
add_custom_command(
  OUTPUT ${OSP_EMBED_OUT}
  COMMAND ${CMAKE_COMMAND} -DSRC=${CMAKE_SOURCE_DIR} -DOUT=${OSP_EMBED_OUT}
          "-DFILES=${OSP_EMBED_LIST}" -P ${CMAKE_SOURCE_DIR}/cmake/embed_gen.cmake
  DEPENDS ${OSP_EMBED_DEPS} ${CMAKE_SOURCE_DIR}/cmake/embed_gen.cmake
  COMMENT "Embedding ${CMAKE_SOURCE_DIR}/checks into the binary"
  VERBATIM)
if(TARGET osp_scan)
  get_target_property(osp_scan_type osp_scan TYPE)
  if(NOT osp_scan_type STREQUAL "INTERFACE_LIBRARY")
    target_sources(osp_scan PRIVATE ${OSP_EMBED_OUT})
  endif()
endif()
# The osprey executable itself needs nothing extra: osp_scan carries the embedded files.
set(OSPREY_EMBED_SRCS "")
