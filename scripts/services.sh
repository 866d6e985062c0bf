#!/usr/bin/env bash
# Installs (when missing) and starts the tools and servers the tests use, on loopback only.
# Idempotent: run it as often as you like. Used by scripts/test.sh and so by .ci/run.
set -euo pipefail

need_apt() {  # need_apt <command> <debian-package>
  command -v "$1" >/dev/null 2>&1 && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "services: '$1' is missing; install the Debian package '$2' (needs root)" >&2
    return 1
  fi
  if [ -z "${WARNING_APT_UPDATED:-}" ]; then
    apt-get update -qq >/dev/null
    export WARNING_APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null
}

# xmllint validates written CAP against the OASIS schema independently of .NET's validator.
need_apt xmllint libxml2-utils
echo "services: xmllint $(xmllint --version 2>&1 | head -n1 | awk '{print $NF}') ready"

# --- Redis (dedup ledger and rate-limit tests; issue 4) -------------------------------------------------------
# Loopback only, no persistence: the tests use unique key prefixes and need nothing kept. No systemd in CI,
# so the server runs daemonized. Tests read the endpoint from WARNING_REDIS (default 127.0.0.1:6379).
need_apt redis-server redis-server
if ! redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
  redis-server --port 6379 --bind 127.0.0.1 --daemonize yes --save '' --appendonly no >/dev/null
  for _ in $(seq 1 50); do
    redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 && break
    sleep 0.1
  done
fi
redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 || { echo "services: redis-server did not start" >&2; exit 1; }
echo "services: redis $(redis-server --version | awk '{print $3}' | cut -d= -f2) ready on 127.0.0.1:6379"
# --- end Redis ----------------------------------------------------------------------------------------------------
