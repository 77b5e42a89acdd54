# SPDX-License-Identifier: BSD-3-Clause
# Copyright (c) 2026, the libcarto_import authors
# Compiles Java sources and packs them (cmake -P): the SWIG-generated proxies are known only
# after SWIG ran, so the sources are listed here, at build time.
#   -DJAVAC=... -DJAR=... -DCLASSES=dir -DOUT=file.jar -DSOURCE_DIRS="a;b" [-DCLASSPATH=...]
#   [-DRELEASE=11]
set(_sources)
foreach(dir ${SOURCE_DIRS})
  file(GLOB_RECURSE _found ${dir}/*.java)
  list(APPEND _sources ${_found})
endforeach()
list(SORT _sources)
file(REMOVE_RECURSE ${CLASSES})
file(MAKE_DIRECTORY ${CLASSES})
string(REPLACE ";" "\n" _list "${_sources}")
file(WRITE ${CLASSES}.sources "${_list}\n")
set(_cp)
if(CLASSPATH)
  set(_cp -cp ${CLASSPATH})
endif()
execute_process(COMMAND ${JAVAC} -encoding UTF-8 --release ${RELEASE} -Xlint:all -Werror
                        -d ${CLASSES} ${_cp} @${CLASSES}.sources
                RESULT_VARIABLE _rc)
if(NOT _rc EQUAL 0)
  message(FATAL_ERROR "javac failed (${_rc})")
endif()
if(OUT)
  execute_process(COMMAND ${JAR} --create --file ${OUT} -C ${CLASSES} . RESULT_VARIABLE _rc)
  if(NOT _rc EQUAL 0)
    message(FATAL_ERROR "jar failed (${_rc})")
  endif()
endif()
