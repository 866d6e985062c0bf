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

# --- Broadcast platform (issue 6 item 3) ---------------------------------------------------------------------------
# OpenSSL verifies the SM2/SM3 signatures of our GY/T 384 packages and signs the test platform's answers; GNU tar
# unpacks and packs them. Both are independent of the adapter's BouncyCastle and System.Formats.Tar code.
need_apt openssl openssl
need_apt tar tar
echo "services: $(openssl version | awk '{print $1, $2}') ready (SM2/SM3 checks)"
# --- end Broadcast platform ---------------------------------------------------------------------------------------

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

# PostgreSQL (Debian 12 ships 15) on 127.0.0.1:5432 with role warning/warning (CREATEDB) and database
# warning_test: the default connection of tests/Warning.Engine.Tests/Support/TestServers.cs. The database is
# UTF8 with the C collation whatever the machine's locale: Chinese text round-trips, text keys compare bytewise.
pg_ready() { pg_isready -q -h 127.0.0.1 -p 5432 >/dev/null 2>&1; }
start_postgres() {
  need_apt pg_ctlcluster postgresql || return 1
  if ! pg_ready; then
    [ "$(id -u)" -eq 0 ] || { echo "services: PostgreSQL is down; start it as root" >&2; return 1; }
    local ver
    ver=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
    pg_lsclusters -h | awk '{print $1, $2}' | grep -qx "$ver main" || pg_createcluster "$ver" main --port 5432 >/dev/null
    pg_ctlcluster "$ver" main start || true  # "already running" is fine; readiness is checked below
    for _ in $(seq 1 30); do pg_ready && break; sleep 1; done
    pg_ready || { echo "services: PostgreSQL did not start on 127.0.0.1:5432" >&2; return 1; }
  fi
  [ "$(id -u)" -eq 0 ] || return 0  # without root, assume the role and database were made before
  # From /, which the postgres user can enter: psql otherwise warns about the caller's working directory.
  local psql=(env -C / runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 -h /var/run/postgresql -p 5432 -d postgres)
  "${psql[@]}" -c "DO \$\$ BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'warning') THEN
        CREATE ROLE warning LOGIN CREATEDB PASSWORD 'warning';
      END IF; END \$\$;" >/dev/null
  "${psql[@]}" -tAc "SELECT 1 FROM pg_database WHERE datname = 'warning_test'" | grep -q 1 \
    || "${psql[@]}" -c "CREATE DATABASE warning_test OWNER warning ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0" >/dev/null
  # A 1 M-recipient warning writes about half a gigabyte of WAL; with Debian's max_wal_size (1 GB) a checkpoint falls
  # inside nearly every such fan-out and costs it about a tenth of its rate (bench/RESULTS.md, session 5). 4 GB is
  # what README asks of a production store too. A reload applies it; nothing restarts.
  if [ "$("${psql[@]}" -tAc "SHOW max_wal_size")" != "4GB" ]; then
    "${psql[@]}" -c "ALTER SYSTEM SET max_wal_size = '4GB'" -c "SELECT pg_reload_conf()" >/dev/null
  fi
}
start_postgres
echo "services: PostgreSQL $(psql --version | awk "{print \$3}") ready on 127.0.0.1:5432"

# --- Node peers: maildev (e-mail), the webhook receiver and the SMSC harness (issue 6) ---------------------------
# The channel tests start their own copies on free loopback ports from tests/peers/<peer>; this installs the npm
# packages they run from (npm ci from the committed lockfiles, only when missing or stale) and keeps one maildev
# daemon on 127.0.0.1:1025 (SMTP) / http://127.0.0.1:1080 (its inbox) for trying the e-mail channel by hand.
# smsc: node-smpp's server (npm smpp) driven by our behaviour harness tests/peers/smsc/smsc.js (SMPP tests).
need_apt node nodejs
need_apt npm npm
peers_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/tests/peers"
for peer in email webhook smsc; do
  dir="$peers_root/$peer"
  if [ ! -d "$dir/node_modules" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  fi
done
if ! (exec 3<>/dev/tcp/127.0.0.1/1025) 2>/dev/null; then
  nohup node "$peers_root/email/node_modules/maildev/dist/bin/maildev.js" --ip 127.0.0.1 --web-ip 127.0.0.1 \
    --smtp 1025 --web 1080 --silent >/dev/null 2>&1 &
  for _ in $(seq 1 50); do
    (exec 3<>/dev/tcp/127.0.0.1/1025) 2>/dev/null && break
    sleep 0.2
  done
fi
(exec 3<>/dev/tcp/127.0.0.1/1025) 2>/dev/null || { echo "services: maildev did not start on 127.0.0.1:1025" >&2; exit 1; }
echo "services: node $(node --version) peers installed; maildev ready on 127.0.0.1:1025 (inbox http://127.0.0.1:1080)"
# --- end Node peers -----------------------------------------------------------------------------------------------

# --- mosquitto (LED and broadcast channels over MQTT; issue 6) -----------------------------------------------
# Loopback 127.0.0.1:1883 with tests/peers/mosquitto.conf; daemonized, no systemd (the Debian package's own
# service is not started without an init system). Tests read the endpoint from WARNING_MQTT (host:port).
mqtt_ready() { (exec 3<>/dev/tcp/127.0.0.1/1883) 2>/dev/null; }
need_apt mosquitto mosquitto
if ! mqtt_ready; then
  mosquitto -c "$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/tests/peers/mosquitto.conf" -d
  for _ in $(seq 1 50); do mqtt_ready && break; sleep 0.1; done
fi
mqtt_ready || { echo "services: mosquitto did not start on 127.0.0.1:1883" >&2; exit 1; }
echo "services: mosquitto $(mosquitto -h 2>/dev/null | awk 'NR==1{print $3}') ready on 127.0.0.1:1883"
# --- end mosquitto --------------------------------------------------------------------------------------------

# --- Chromium for the console browser test (issue 7) ----------------------------------------------------------------
# Playwright for .NET drives Debian's Chromium (shared/verified.md); `playwright install` cannot download browsers
# here. The CJK fonts make the Chinese pages render as text, not boxes, in the screenshots.
need_apt_fonts() {  # a package without a command of its own
  [ "$(id -u)" -eq 0 ] || { echo "services: install the Debian package '$1' (needs root)" >&2; return 1; }
  [ -n "${WARNING_APT_UPDATED:-}" ] || { apt-get update -qq >/dev/null; export WARNING_APT_UPDATED=1; }
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$1" >/dev/null
}
need_apt chromium chromium
need_apt fc-list fontconfig
fc-list :lang=zh | grep -q . || need_apt_fonts fonts-noto-cjk
echo "services: $(chromium --version 2>/dev/null | head -n1) ready (browser tests)"
# --- end Chromium ---------------------------------------------------------------------------------------------------
