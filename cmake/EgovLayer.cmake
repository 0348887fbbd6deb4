# egov_layer(NAME DIR DEPS...): a static library of every .cpp under src/DIR except the
# *_test.cpp and *_benchmark.cpp files beside them; unit tests are collected by
# egov_unit_tests (src/CMakeLists.txt). New files are picked up without editing CMake.
# A layer with no sources yet is an INTERFACE library carrying its dependencies.
function(egov_layer name dir)
  file(GLOB_RECURSE sources CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/src/${dir}/*.cpp)
  list(FILTER sources EXCLUDE REGEX "_(test|benchmark)\\.cpp$")
  list(FILTER sources EXCLUDE REGEX "/src/app/main\\.cpp$")
  if(sources)
    add_library(${name} STATIC ${sources})
    target_include_directories(${name} PUBLIC ${CMAKE_SOURCE_DIR}/src ${CMAKE_BINARY_DIR}/generated)
    target_link_libraries(${name} PUBLIC ${ARGN})
  else()
    add_library(${name} INTERFACE)
    target_include_directories(${name} INTERFACE ${CMAKE_SOURCE_DIR}/src)
    target_link_libraries(${name} INTERFACE ${ARGN})
  endif()
endfunction()

# egov_embed(TARGET NAME FILES...): compiles the files into TARGET as
#   namespace egov::embedded { extern const EmbeddedFile NAME[]; extern const size_t NAME_count; }
# (see src/core/embedded.hpp), each entry holding the path relative to the source root and
# its bytes. Used for SQL migrations, shipped data (data/) and the OpenAPI document, so the
# binary needs no files beside it.
function(egov_embed target name)
  set(out ${CMAKE_BINARY_DIR}/generated/embedded_${name}.cpp)
  list(JOIN ARGN "|" files)
  add_custom_command(
    OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -DOUT=${out} -DNAME=${name} -DROOT=${CMAKE_SOURCE_DIR}
            "-DFILES=${files}" -P ${CMAKE_SOURCE_DIR}/cmake/EmbedFiles.cmake
    DEPENDS ${ARGN} ${CMAKE_SOURCE_DIR}/cmake/EmbedFiles.cmake
    COMMENT "Embedding ${name}"
    VERBATIM)
  target_sources(${target} PRIVATE ${out})
endfunction()
