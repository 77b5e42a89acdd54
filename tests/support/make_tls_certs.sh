#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# Copyright (c) 2026, the libcarto_import authors
# Makes a throwaway certificate authority and two server certificates signed by it, for the TLS
# tests (and for trying TLS by hand, see docs/server.md):
#   DIR/ca.pem                       the CA certificate (pass it as the CA bundle)
#   DIR/server.pem, DIR/server.key   for 127.0.0.1, ::1 and localhost
#   DIR/other.pem, DIR/other.key     for other.example only (a host name mismatch)
# Usage: make_tls_certs.sh DIR       (needs the openssl command)
set -eu
dir=$1
mkdir -p "$dir"
cd "$dir"
openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days 2 \
  -subj "/CN=libcarto_import test CA" 2>/dev/null
for name in server other; do
  if [ "$name" = server ]; then san="IP:127.0.0.1,IP:::1,DNS:localhost"; cn=127.0.0.1
  else san="DNS:other.example"; cn=other.example; fi
  openssl req -newkey rsa:2048 -nodes -keyout "$name.key" -out "$name.csr" -subj "/CN=$cn" 2>/dev/null
  printf 'subjectAltName=%s\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n' "$san" > "$name.ext"
  openssl x509 -req -in "$name.csr" -CA ca.pem -CAkey ca.key -CAcreateserial -days 2 \
    -extfile "$name.ext" -out "$name.pem" 2>/dev/null
  rm -f "$name.csr" "$name.ext"
done
