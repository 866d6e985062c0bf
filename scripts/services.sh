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
