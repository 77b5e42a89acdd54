// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
// Links libcarto_import: from CARTO_IMPORT_LIBDIR (the build tree, with an rpath), else from
// the system (pkg-config --libs carto_import gives the same -lcarto_import).
fn main() {
    println!("cargo:rerun-if-env-changed=CARTO_IMPORT_LIBDIR");
    if let Ok(dir) = std::env::var("CARTO_IMPORT_LIBDIR") {
        println!("cargo:rustc-link-search=native={dir}");
        println!("cargo:rustc-link-arg=-Wl,-rpath,{dir}");
    }
    println!("cargo:rustc-link-lib=dylib=carto_import");
}
