#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# Copyright (c) 2026, the libcarto_import authors
# The gem carto_import-VERSION.gem into OUTDIR:   sh scripts/package/ruby.sh OUTDIR
# The SWIG wrapper is generated here (system swig) and shipped in the gem, so `gem install`
# needs only a C++ compiler and the installed libcarto_import (pkg-config carto_import).
. "$(dirname "$0")/common.sh"
deps build-essential pkg-config ruby ruby-dev swig
stage="$scratch/gem"
rm -rf "$stage"
mkdir -p "$stage/ext/carto_import"
cp "$top/bindings/ruby/carto_import.gemspec" "$stage/"
cp -R "$top/bindings/ruby/lib" "$stage/"
cp "$top/bindings/ruby/ext/carto_import/extconf.rb" "$stage/ext/carto_import/"
cp "$top/LICENSE" "$stage/"
swig -ruby -c++ -initname core -I"$top/include" -I"$top/bindings" -I"$top/bindings/ruby" \
  -o "$stage/ext/carto_import/core_wrap.cxx" "$top/bindings/ruby/carto_import_ruby.i"
(cd "$stage" && CARTO_IMPORT_VERSION=$version gem build carto_import.gemspec)
cp "$stage/carto_import-$version.gem" "$out/"
