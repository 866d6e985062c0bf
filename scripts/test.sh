#!/usr/bin/env bash
# Runs every test of the solution. Installs and starts what the tests need first (see scripts/services.sh),
# then `dotnet test`, and ends with the totals on a line of their own: "N passed, N failed[, N skipped]".
# Under CI=true a tool or server that cannot be installed fails the run instead of skipping tests.
set -uo pipefail
cd "$(dirname "$0")/.."

bash scripts/services.sh || { echo "services: set-up failed" >&2; exit 1; }
# The peers of config/peers.json (SMSC harness, webhook receiver, Warning.Peers), for the end-to-end test of the host.
bash scripts/peers.sh start || { echo "peers: set-up failed" >&2; exit 1; }

log=$(mktemp)
dotnet test Warning.sln --nologo "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# VSTest prints one summary per test project: "Passed!  - Failed: 0, Passed: 12, Skipped: 0, Total: 12, ..."
read -r passed failed skipped < <(grep -E '(Passed|Failed)! +- ' "$log" | awk -F'[:,]' '
  { for (i = 1; i <= NF; i++) {
      if ($i ~ /Failed$/) f += $(i + 1); if ($i ~ /Passed$/) p += $(i + 1); if ($i ~ /Skipped$/) s += $(i + 1) } }
  END { printf "%d %d %d\n", p, f, s }')
rm -f "$log"
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1  # the build or a test host failed before reporting: count it, never print a green line
fi
if [ "$skipped" -gt 0 ]; then
  echo "$passed passed, $failed failed, $skipped skipped"
else
  echo "$passed passed, $failed failed"
fi
exit "$status"
