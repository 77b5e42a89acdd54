#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# Copyright (c) 2026, the libcarto_import authors
# The jar org.carto:carto-import:VERSION (native libraries for linux-x86_64 inside) and its
# -sources and -javadoc jars into OUTDIR:   sh scripts/package/java.sh OUTDIR
# Runs `mvn -B verify` on bindings/java/pom.xml: its JUnit tests run against the server when
# CARTO_API_URL is set (tests/support/with_server.py), and are skipped otherwise.
. "$(dirname "$0")/common.sh"
deps build-essential cmake ninja-build pkg-config swig openjdk-17-jdk-headless maven \
  libcurl4-openssl-dev libcjson-dev zlib1g-dev
mvn -B -q -f "$top/bindings/java/pom.xml" -Drevision="$version" -Dcarto.build="$scratch/target" \
  verify
for suffix in "" -sources -javadoc; do
  cp "$scratch/target/carto-import-$version$suffix.jar" "$out/"
done
