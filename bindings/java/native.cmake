# SPDX-License-Identifier: BSD-3-Clause
# Copyright (c) 2026, the libcarto_import authors
# The native part of the Maven build (pom.xml runs it: cmake -P native.cmake): builds
# libcarto_import and the JNI library with the project's CMake into BUILD/cmake (the SWIG proxies
# land in BUILD/cmake/bindings/java/generated), then copies into
# BUILD/native-resources/org/carto/importapi/native/PLATFORM/ the JNI library, libcarto_import
# and cJSON (rarely installed; libcurl is everywhere) with RUNPATH $ORIGIN, and natives.txt: their
# load order, read by NativeLoader.
#   cmake -DSOURCE=<checkout> -DBUILD=<dir> -DPLATFORM=linux-x86_64 -P native.cmake
cmake_minimum_required(VERSION 3.21) # file(COPY_FILE)
foreach(v SOURCE BUILD PLATFORM)
  if(NOT ${v})
    message(FATAL_ERROR "native.cmake: -D${v}=... is required")
  endif()
endforeach()
set(_cmake ${BUILD}/cmake)
find_program(_ninja ninja)
set(_generator)
if(_ninja)
  set(_generator -G Ninja)
endif()
if(NOT EXISTS ${_cmake}/CMakeCache.txt)
  execute_process(COMMAND ${CMAKE_COMMAND} -S ${SOURCE} -B ${_cmake} ${_generator}
      -DCMAKE_BUILD_TYPE=Release
      -DCARTO_IMPORT_BUILD_JAVA=ON -DCARTO_IMPORT_BUILD_PYTHON=OFF -DCARTO_IMPORT_BUILD_RUBY=OFF
      -DCARTO_IMPORT_BUILD_SERVER=OFF -DCARTO_IMPORT_BUILD_TESTS=OFF
      -DCARTO_IMPORT_BUILD_EXAMPLES=OFF -DCARTO_IMPORT_BUILD_TOOLS=OFF
      -DCMAKE_DISABLE_FIND_PACKAGE_Doxygen=ON
      -DCMAKE_BUILD_WITH_INSTALL_RPATH=ON "-DCMAKE_INSTALL_RPATH=\$ORIGIN"
      RESULT_VARIABLE _rc)
  if(NOT _rc EQUAL 0)
    message(FATAL_ERROR "native.cmake: configuring failed")
  endif()
endif()
execute_process(COMMAND ${CMAKE_COMMAND} --build ${_cmake} --parallel --target carto_import_java
                RESULT_VARIABLE _rc)
if(NOT _rc EQUAL 0)
  message(FATAL_ERROR "native.cmake: building failed")
endif()

set(_jni ${_cmake}/bindings/java/libcarto_import_java.so)
file(GLOB _lib ${_cmake}/src/libcarto_import.so.[0-9])
file(GET_RUNTIME_DEPENDENCIES LIBRARIES ${_lib} RESOLVED_DEPENDENCIES_VAR _deps
     PRE_INCLUDE_REGEXES "^libcjson" PRE_EXCLUDE_REGEXES ".*")
set(_dest ${BUILD}/native-resources/org/carto/importapi/native/${PLATFORM})
file(REMOVE_RECURSE ${_dest})
file(MAKE_DIRECTORY ${_dest})
set(_order)
foreach(f ${_deps} ${_lib} ${_jni}) # dependencies first
  get_filename_component(_name ${f} NAME)
  file(REAL_PATH ${f} _real)
  file(COPY_FILE ${_real} ${_dest}/${_name}) # the file, under its SONAME
  string(APPEND _order "${_name}\n")
endforeach()
file(WRITE ${_dest}/natives.txt "${_order}")
message(STATUS "native.cmake: ${_dest}: ${_order}")
