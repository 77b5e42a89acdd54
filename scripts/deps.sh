#!/bin/sh
# Installs what libcarto_import needs on Debian 12, skipping what is there. Run as root, or
# with sudo available.
#   deps.sh         everything: build, test, bindings (what scripts/test.sh needs)
#   deps.sh demo    only what scripts/demo.sh needs: the library, the server and the tool
set -eu
demo="build-essential cmake ninja-build pkg-config ca-certificates python3
  libcurl4-openssl-dev libcjson-dev
  libcpp-httplib-dev libssl-dev zlib1g-dev libbrotli-dev libgdal-dev libsqlite3-dev libarchive-dev"
tests="git libcmocka-dev gdal-bin abigail-tools valgrind python3-dev python3-pytest python3-venv curl zip unzip
  swig postgresql doxygen ruby-dev ruby-minitest openjdk-17-jdk-headless maven openssl
  clang libclang-rt-14-dev llvm"
case "${1:-all}" in
  demo) packages=$demo ;;
  all) packages="$demo $tests" ;;
  *) echo "usage: deps.sh [demo|all]" >&2; exit 1 ;;
esac
missing=""
for p in $packages; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && { echo "deps: all packages present"; exit 0; }
echo "deps: installing$missing"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO=sudo
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
# shellcheck disable=SC2086
$SUDO apt-get install -y -q --no-install-recommends $missing
