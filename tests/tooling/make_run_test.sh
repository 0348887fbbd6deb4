#!/usr/bin/env bash
# `make run` on a fresh clone must serve the demo on 127.0.0.1:8080 from var/egov.db: the
# command it would run (make -n, so nothing is built or started) is checked with no LISTEN,
# DB or BUILD_DIR in the environment, as a newcomer's shell has none.
set -euo pipefail
cd "$1"
out=$(env -u LISTEN -u DB -u BUILD_DIR -u MAKEFLAGS -u MAKELEVEL make --no-print-directory -n run)
serve=$(grep -E '/egov serve ' <<<"$out" || true)
if [ -z "$serve" ]; then
  echo "make -n run prints no 'egov serve' command:"; echo "$out"; exit 1
fi
if ! grep -qE -- '--listen 127\.0\.0\.1:8080( |$)' <<<"$serve"; then
  echo "make run would not listen on 127.0.0.1:8080: $serve"; exit 1
fi
if ! grep -qE -- '--db sqlite:var/egov\.db( |$)' <<<"$serve"; then
  echo "make run would not serve var/egov.db: $serve"; exit 1
fi
# A LISTEN given by the caller still wins.
out=$(env -u MAKEFLAGS -u MAKELEVEL LISTEN=0.0.0.0:9090 make --no-print-directory -n run)
grep -qE -- '--listen 0\.0\.0\.0:9090( |$)' <<<"$out" || { echo "LISTEN=… is ignored"; exit 1; }
echo "make run serves 127.0.0.1:8080"
