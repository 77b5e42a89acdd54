#!/bin/sh
# Installs what libcarto_import needs to build and test on Debian 12, skipping what is there.
# Run as root, or with sudo available.
set -eu
packages="build-essential cmake ninja-build pkg-config git ca-certificates
  libcurl4-openssl-dev libcjson-dev libcmocka-dev
  libcpp-httplib-dev libssl-dev zlib1g-dev libbrotli-dev libgdal-dev gdal-bin libsqlite3-dev libarchive-dev
  abigail-tools valgrind python3 python3-dev python3-pytest curl zip unzip
  swig postgresql doxygen ruby-dev ruby-minitest openjdk-17-jdk-headless maven"
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
