# SPDX-License-Identifier: BSD-3-Clause
# Copyright (c) 2026, the libcarto_import authors
# The language packages (label `package`): scripts/package/KIND.sh builds each kind into
# ${PROJECT_BINARY_DIR}/tests/package/out (a fixture), then check.py installs it into a fresh environment
# and runs a user's five-line import against carto-import-server. Needs the network (PyPI for
# the Python build tools and swig, Maven Central for the Maven plugins). Included from
# bindings/CMakeLists.txt (it uses carto_binding_test()).
set(_out ${PROJECT_BINARY_DIR}/tests/package/out)
set(_check ${PROJECT_SOURCE_DIR}/tests/package/check.py)
set(_env CARTO_IMPORT_SKIP_DEPS=1)

# carto_package_build(KIND FIXTURE [VAR=value...]): the test package_build_KIND, run with
# ${_env} and the given variables, sets up FIXTURE.
function(carto_package_build kind fixture)
  add_test(NAME package_build_${kind}
           COMMAND sh ${PROJECT_SOURCE_DIR}/scripts/package/${kind}.sh ${_out})
  set(env ${_env} ${ARGN})
  set_tests_properties(package_build_${kind} PROPERTIES LABELS package TIMEOUT 1800
                       FIXTURES_SETUP ${fixture} ENVIRONMENT "${env}")
endfunction()

if(CARTO_IMPORT_BUILD_PYTHON)
  carto_package_build(python package_python PYTHON=${Python3_EXECUTABLE})
  foreach(kind sdist wheel)
    carto_binding_test(package_python_${kind} LABEL package SERVE TIMEOUT 1800
      COMMAND ${Python3_EXECUTABLE} ${_check} python-${kind} ${_out} ${Python3_EXECUTABLE})
    set_tests_properties(package_python_${kind} PROPERTIES FIXTURES_REQUIRED package_python)
  endforeach()
endif()

if(CARTO_IMPORT_BUILD_JAVA)
  # mvn verify runs the JUnit tests, so the build itself runs against a server.
  carto_binding_test(package_build_java LABEL package SERVE TIME_SCALED TIMEOUT 1800
    ENVIRONMENT ${_env}
    COMMAND sh ${PROJECT_SOURCE_DIR}/scripts/package/java.sh ${_out})
  set_tests_properties(package_build_java PROPERTIES FIXTURES_SETUP package_java)
  carto_binding_test(package_java LABEL package SERVE
    COMMAND ${Python3_EXECUTABLE} ${_check} java ${_out} ${Java_JAVA_EXECUTABLE})
  set_tests_properties(package_java PROPERTIES FIXTURES_REQUIRED package_java)
endif()

if(CARTO_IMPORT_BUILD_RUBY)
  carto_package_build(ruby package_ruby)
  carto_binding_test(package_ruby LABEL package SERVE TIMEOUT 900
    COMMAND ${Python3_EXECUTABLE} ${_check} ruby ${_out} ${PROJECT_BINARY_DIR})
  set_tests_properties(package_ruby PROPERTIES FIXTURES_REQUIRED package_ruby)
endif()
