#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
# Copyright (c) 2026, the libcarto_import authors
"""Installs one package of scripts/package.sh into a fresh environment and runs a user's
five-line import (tests/package/user/) against the carto-import-server of with_server.py.

  check.py python-sdist OUT PYTHON   a venv; pip install OUT/carto_import-V.tar.gz (builds it)
  check.py python-wheel OUT PYTHON   a venv; pip install OUT/carto_import-V-*manylinux*.whl
  check.py java OUT JAVA             java -cp OUT/carto-import-V.jar (the jar alone) Import.java
  check.py ruby OUT BUILD_DIR        libcarto_import installed from BUILD_DIR into a throwaway
                                     prefix (PKG_CONFIG_PATH), then a GEM_HOME holding only the gem

Prints the artifact's size and the install time; the program runs in an empty directory, with
nothing of the source tree on its paths.
"""
import glob
import os
import re
import subprocess
import sys
import tempfile
import time
import zipfile

TOP = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
USER = os.path.join(TOP, "tests", "package", "user")


def version():
    return subprocess.run(["sh", os.path.join(TOP, "scripts", "version.sh")],
                          check=True, capture_output=True, text=True).stdout.strip()


def artifact(out, pattern):
    found = sorted(glob.glob(os.path.join(out, pattern)))
    if len(found) != 1:
        sys.exit(f"check: expected one {pattern} in {out}, found {found}")
    print(f"artifact: {os.path.basename(found[0])} {os.path.getsize(found[0]) / 1e6:.2f} MB")
    return found[0]


def run(cmd, **kw):
    print("+", " ".join(cmd), flush=True)
    subprocess.run(cmd, check=True, **kw)


def timed_install(what, cmd, **kw):
    start = time.monotonic()
    run(cmd, **kw)
    print(f"install time ({what}): {time.monotonic() - start:.1f} s", flush=True)


def user_program(cmd, env, cwd):
    """Runs the user's program and checks it imported the 10 rows of world_cities.csv."""
    print("+", " ".join(cmd), flush=True)
    done = subprocess.run(cmd, env=env, cwd=cwd, capture_output=True, text=True)
    sys.stdout.write(done.stdout)
    sys.stderr.write(done.stderr)
    if done.returncode != 0:
        sys.exit(f"check: the user's program failed ({done.returncode})")
    if not re.search(r"^imported world_cities\w* 10 rows$", done.stdout, re.M):
        sys.exit("check: no 'imported world_cities... 10 rows' line")
    if f"carto_import {version()}" not in done.stdout:
        sys.exit(f"check: the version printed is not {version()}")


def clean_env(**extra):
    """The environment minus what could reach the source tree or a build of it."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONPATH", "RUBYLIB", "GEM_HOME", "GEM_PATH", "CLASSPATH",
                        "LD_LIBRARY_PATH", "PKG_CONFIG_PATH", "VIRTUAL_ENV")}
    env.update(extra)
    return env


def python(kind, out, interpreter, tmp):
    venv = os.path.join(tmp, "venv")
    run([interpreter, "-m", "venv", venv])
    py = os.path.join(venv, "bin", "python")
    if kind == "sdist":
        package = artifact(out, f"carto_import-{version()}.tar.gz")
        timed_install("sdist: pip builds it", [py, "-m", "pip", "install", "-q", package],
                      env=clean_env())
    else:
        package = artifact(out, f"carto_import-{version()}-*manylinux*.whl")
        names = zipfile.ZipFile(package).namelist()
        for needed in ("carto_import/__init__.pyi", "carto_import/py.typed"):
            if needed not in names:
                sys.exit(f"check: {needed} is not in the wheel")
        libs = [n for n in names if n.startswith("carto_import.libs/")]
        print("bundled:", " ".join(os.path.basename(n) for n in libs))
        if not any("libcurl" in n for n in libs) or not any("libcjson" in n for n in libs):
            sys.exit("check: libcurl and libcjson are not inside the wheel")
        if glob.glob(os.path.join(TOP, "LICENSE*")) and not any(
                re.search(r"\.dist-info/(licenses/)?LICENSE", n) for n in names):
            sys.exit("check: LICENSE is not in the wheel's metadata")
        timed_install("wheel", [py, "-m", "pip", "install", "-q", "--no-deps", package],
                      env=clean_env())
    user_program([py, os.path.join(USER, "import.py")], clean_env(), tmp)
    # help() of the installed package: Python signatures, no SWIG internals.
    text = subprocess.run([py, "-c", "import carto_import, pydoc; "
                           "print(pydoc.render_doc(carto_import.Client, renderer=pydoc.plaintext))"],
                          cwd=tmp, check=True, capture_output=True, text=True).stdout
    for bad in ("carto_import_status", "thisown", "delete_Client", "char const"):
        if bad in text:
            sys.exit(f"check: help(carto_import.Client) shows {bad!r}")


def java(out, java_exe, tmp):
    jar = artifact(out, f"carto-import-{version()}.jar")
    for extra in ("sources", "javadoc"):
        artifact(out, f"carto-import-{version()}-{extra}.jar")
    # Java 11's source launcher: the jar is the whole class path; no java.library.path.
    user_program([java_exe, "-cp", jar, os.path.join(USER, "Import.java")], clean_env(), tmp)


def ruby(out, build, tmp):
    gem = artifact(out, f"carto_import-{version()}.gem")
    # The library, installed from the build tree; DESTDIR keeps every file under tmp.
    root = os.path.join(tmp, "root")
    run(["cmake", "--install", build, "--prefix", "/opt/carto"],
        env=dict(os.environ, DESTDIR=root), stdout=subprocess.DEVNULL)
    pcs = glob.glob(os.path.join(root, "opt", "carto", "**", "carto_import.pc"), recursive=True)
    if not pcs:
        sys.exit("check: cmake --install wrote no carto_import.pc")
    home = os.path.join(tmp, "gems")
    env = clean_env(GEM_HOME=home, GEM_PATH=home, PKG_CONFIG_PATH=os.path.dirname(pcs[0]))
    timed_install("gem, compiles the extension", ["gem", "install", "--local", "--no-document", gem],
                  env=env, cwd=tmp)
    env = clean_env(GEM_HOME=home, GEM_PATH=home)
    user_program(["ruby", os.path.join(USER, "import.rb")], env, tmp)
    loaded = subprocess.run(["ruby", "-e", 'gem "carto_import"; require "carto_import"; '
                             'puts $LOADED_FEATURES.grep(%r{carto_import/core})'],
                            env=env, cwd=tmp, check=True, capture_output=True, text=True).stdout
    print("loaded:", loaded.strip())
    if not loaded.strip().startswith(home):
        sys.exit("check: the extension was not loaded from the gem")


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    kind, out, tool = sys.argv[1:]
    with tempfile.TemporaryDirectory(prefix="carto-import-package-") as tmp:
        if kind in ("python-sdist", "python-wheel"):
            python(kind.split("-")[1], out, tool, tmp)
        elif kind == "java":
            java(out, tool, tmp)
        elif kind == "ruby":
            ruby(out, tool, tmp)
        else:
            sys.exit(__doc__)
    print("check: ok")


if __name__ == "__main__":
    main()
