# SPDX-License-Identifier: BSD-3-Clause
# Copyright (c) 2026, the libcarto_import authors
# frozen_string_literal: true

# Builds carto_import/core (the SWIG wrapper core_wrap.cxx) against the installed
# libcarto_import, found with pkg-config: set PKG_CONFIG_PATH when it is not in a default place.
require "mkmf"

unless pkg_config("carto_import")
  abort "carto_import: libcarto_import not found by pkg-config (carto_import.pc). Install it " \
        "(Debian: libcarto-import-dev), or set PKG_CONFIG_PATH to its lib/pkgconfig directory."
end
# A library outside the loader's default path is found at run time where pkg-config found it.
libdir = pkg_config("carto_import", "variable=libdir").to_s.strip
$LDFLAGS << " -Wl,-rpath,#{libdir}" unless libdir.empty?

create_makefile("carto_import/core")
