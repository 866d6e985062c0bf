#!/usr/bin/env bash
# Starts, stops or reports the local peers that the peers profile (config/peers.json) talks to, besides the servers
# scripts/services.sh keeps running (mosquitto 127.0.0.1:1883, maildev SMTP 1025 / inbox 1080, Redis, PostgreSQL):
#
#   smsc      tests/peers/smsc/smsc.js         SMPP 127.0.0.1:2775, system id "warning", password "warning"
#   webhook   tests/peers/webhook/receiver.js  HTTP 127.0.0.1:18090, POST /hooks/<name>; endpoints registered below
#   stand-ins tests/Warning.Peers              HTTP 127.0.0.1:18080: device page /, counts API /api/*, WeChat /wechat,
#                                              WeCom /wecom, group robot /robot, broadcast platform /ebd; and the
#                                              simulated LED signs and terminals on MQTT (district 440199)
#
#   scripts/peers.sh start | stop | restart | status
#
# Idempotent: start leaves a running peer alone (and registers the webhook endpoints again, which the receiver keeps
# only in memory). Pid files, logs and the broadcast platform's SM2 keys live in .peers/ at the repository root.
# Settings (environment): PEERS_SMSC_PORT, PEERS_WEBHOOK_PORT, PEERS_HTTP_PORT, PEERS_DISTRICT, WARNING_MQTT (host:port),
# PEERS_WEBHOOK_ENDPOINTS ("name=whsec_…,name=whsec_…"), PEERS_NO_BUILD=1 (use the Warning.Peers build as it is).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
run="$root/.peers"
smsc_port="${PEERS_SMSC_PORT:-2775}"
webhook_port="${PEERS_WEBHOOK_PORT:-18090}"
http_port="${PEERS_HTTP_PORT:-18080}"
district="${PEERS_DISTRICT:-440199}"
mqtt="${WARNING_MQTT:-127.0.0.1:1883}"
# A fixed, non-secret key: these peers exist only on loopback. "d2Fy…" is base64 of "warning-peers-webhook-secret-001".
webhook_endpoints="${PEERS_WEBHOOK_ENDPOINTS:-ops=whsec_d2FybmluZy1wZWVycy13ZWJob29rLXNlY3JldC0wMDE=,city-platform=whsec_cGVlcnMtY2l0eS1wbGF0Zm9ybS1zZWNyZXQtMDAwMQ==,media-hub=whsec_cGVlcnMtbWVkaWEtaHViLXNlY3JldC0wMDAwMDAwMQ==}"
peers_dll="$root/artifacts/bin/Warning.Peers/debug/Warning.Peers.dll"

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# The pid in .peers/<name>.pid, when that process is alive and still runs <marker> (a reused pid is not ours).
running_pid() {  # running_pid <name> <marker>
  local file="$run/$1.pid" pid
  [ -f "$file" ] || return 1
  pid="$(cat "$file")"
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF "$2" || return 1
  echo "$pid"
}

wait_port() {  # wait_port <name> <port> <pid> <seconds>
  local i
  for ((i = 0; i < $4 * 5; i++)); do
    port_open "$2" && return 0
    kill -0 "$3" 2>/dev/null || break
    sleep 0.2
  done
  echo "peers: $1 did not listen on 127.0.0.1:$2; the end of $run/$1.log:" >&2
  tail -n 20 "$run/$1.log" >&2 || true
  return 1
}

start_one() {  # start_one <name> <port> <marker> <seconds> <stdin> <command...>
  local name="$1" port="$2" marker="$3" seconds="$4" stdin="$5" pid
  shift 5
  if pid="$(running_pid "$name" "$marker")"; then
    echo "peers: $name already running (pid $pid)"
    return 0
  fi
  if port_open "$port"; then
    echo "peers: 127.0.0.1:$port is taken by a process that is not our $name; stop it or set another port" >&2
    return 1
  fi
  # Opened read-write: for a FIFO that never reaches end-of-file (see start_smsc); /dev/null does not mind.
  nohup "$@" 0<>"$stdin" >"$run/$name.log" 2>&1 &
  pid=$!
  echo "$pid" >"$run/$name.pid"
  wait_port "$name" "$port" "$pid" "$seconds" || { kill "$pid" 2>/dev/null || true; rm -f "$run/$name.pid"; return 1; }
  echo "peers: $name started (pid $pid)"
}

stop_one() {  # stop_one <name> <marker>
  local pid i
  if ! pid="$(running_pid "$1" "$2")"; then
    rm -f "$run/$1.pid"
    echo "peers: $1 not running"
    return 0
  fi
  kill "$pid"
  for ((i = 0; i < 50; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
  kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
  rm -f "$run/$1.pid"
  echo "peers: $1 stopped"
}

ensure_services() {
  if [ ! -d "$root/tests/peers/smsc/node_modules" ] || [ ! -d "$root/tests/peers/webhook/node_modules" ] \
    || ! port_open "${mqtt##*:}" || ! port_open 1025; then
    echo "peers: mosquitto, maildev or the node packages are missing; running scripts/services.sh"
    bash "$root/scripts/services.sh"
  fi
}

start_smsc() {
  # The harness exits when its stdin ends (a test process that went away); a FIFO opened read-write never ends,
  # and `echo '{"cmd":"stats"}' > .peers/smsc.in` still reaches it.
  [ -p "$run/smsc.in" ] || mkfifo "$run/smsc.in"
  start_one smsc "$smsc_port" "smsc/smsc.js" 20 "$run/smsc.in" \
    node "$root/tests/peers/smsc/smsc.js" --port "$smsc_port" --system-id warning --password warning
}

start_webhook() {
  start_one webhook "$webhook_port" "webhook/receiver.js" 20 /dev/null \
    node "$root/tests/peers/webhook/receiver.js" --port "$webhook_port" --host 127.0.0.1
  local pair name secret pairs
  IFS=',' read -ra pairs <<<"$webhook_endpoints"
  for pair in "${pairs[@]}"; do
    name="${pair%%=*}" secret="${pair#*=}"
    curl -fsS -X PUT "http://127.0.0.1:$webhook_port/_endpoints/$name" -H 'content-type: application/json' \
      -d "{\"secret\":\"$secret\",\"status\":200}" >/dev/null
  done
}

start_standins() {
  if [ "${PEERS_NO_BUILD:-}" != 1 ]; then
    dotnet build "$root/tests/Warning.Peers" --nologo -v quiet >"$run/build.log" 2>&1 \
      || { echo "peers: building tests/Warning.Peers failed; see $run/build.log" >&2; return 1; }
  fi
  start_one stand-ins "$http_port" "Warning.Peers.dll" 60 /dev/null \
    dotnet "$peers_dll" --Peers:Url="http://127.0.0.1:$http_port" --Peers:Devices:Host="${mqtt%:*}" \
    --Peers:Devices:Port="${mqtt##*:}" --Peers:Devices:District="$district" \
    --Peers:BroadcastPlatform:KeyFolder="$run/ebd-keys"
}

report() {
  local down=0 name port marker pid
  for entry in "smsc $smsc_port smsc/smsc.js" "webhook $webhook_port webhook/receiver.js" "stand-ins $http_port Warning.Peers.dll"; do
    read -r name port marker <<<"$entry"
    if pid="$(running_pid "$name" "$marker")" && port_open "$port"; then
      printf 'peers: %-9s up   (pid %s) on 127.0.0.1:%s\n' "$name" "$pid" "$port"
    else
      printf 'peers: %-9s DOWN            127.0.0.1:%s\n' "$name" "$port"
      down=1
    fi
  done
  for entry in "mosquitto ${mqtt##*:}" "maildev 1025"; do
    read -r name port <<<"$entry"
    port_open "$port" && printf 'peers: %-9s up   (services.sh) on 127.0.0.1:%s\n' "$name" "$port" \
      || { printf 'peers: %-9s DOWN (run scripts/services.sh) 127.0.0.1:%s\n' "$name" "$port"; down=1; }
  done
  return "$down"
}

where() {
  local base="http://127.0.0.1:$http_port"
  cat <<EOF

  SMSC (SMPP)          127.0.0.1:$smsc_port  system id warning, password warning   log: .peers/smsc.log
  webhook receiver     http://127.0.0.1:$webhook_port/hooks/<name>   endpoints: ${webhook_endpoints}
                       what arrived: GET http://127.0.0.1:$webhook_port/_deliveries/<name>
  e-mail (maildev)     SMTP 127.0.0.1:1025, inbox http://127.0.0.1:1080
  MQTT (mosquitto)     $mqtt; simulated devices listen to ews/$district/+/+/cmd
  WeChat / WeCom       $base/wechat  $base/wecom  (ApiBaseUrl)
  group robot          $base/robot   (ApiBaseUrl)
  broadcast platform   $base/ebd     (PlatformUrl); host key: .peers/ebd-keys/sender.key.pem
                       export WARNING_Warning__Channels__BroadcastPlatform__PrivateKeyPem="\$(cat $run/ebd-keys/sender.key.pem)"
  counts API           $base/api/received  $base/api/devices  POST $base/api/reset
  settings in use      $base/api/peers

  设备模拟器 (device page): $base/
EOF
}

start_all() {
  ensure_services
  start_smsc
  start_webhook
  start_standins
  where
}

stop_all() {
  stop_one stand-ins "Warning.Peers.dll"
  stop_one webhook "webhook/receiver.js"
  stop_one smsc "smsc/smsc.js"
}

mkdir -p "$run"
case "${1:-}" in
  start)
    start_all
    ;;
  stop)
    stop_all
    ;;
  restart)
    stop_all
    start_all
    ;;
  status)
    report && where
    ;;
  *)
    echo "usage: scripts/peers.sh start|stop|restart|status" >&2
    exit 2
    ;;
esac
