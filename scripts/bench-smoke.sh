#!/usr/bin/env bash
# Runs every benchmark once on a tiny input (BenchmarkDotNet's Dry job) and the receipts macro benchmark
# with a tiny count on each store, and the fan-out macro benchmark in-process and on Redis + PostgreSQL:
# proves they build and run. No timing is asserted.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/services.sh >/dev/null  # the store benchmarks need PostgreSQL
dotnet build -c Release bench/Warning.Benchmarks --nologo -v quiet 1>/tmp/warning-bench-smoke.log 2>&1 \
  || { tail -n 60 /tmp/warning-bench-smoke.log; exit 1; }
dotnet run -c Release --no-build --project bench/Warning.Benchmarks -- --filter '*' --job Dry --inProcess 1>/tmp/warning-bench-smoke.log 2>&1 \
  || { tail -n 60 /tmp/warning-bench-smoke.log; exit 1; }
grep -E "^\| " /tmp/warning-bench-smoke.log | head -n 20 || true
for store in sqlite postgres; do
  dotnet run -c Release --no-build --project bench/Warning.Benchmarks -- receipts "$store" 2000 500 1000
  dotnet run -c Release --no-build --project bench/Warning.Benchmarks -- receipts "$store" 2000 500 1000 writers=2 cold dlrs random-ids
done
# The fan-out macro benchmark exits non-zero on any duplicate or miss.
dotnet run -c Release --no-build --project bench/Warning.Benchmarks -- fanout --recipients 20000 --baseline 1000 --red-during-blue 100000 >/dev/null
dotnet run -c Release --no-build --project bench/Warning.Benchmarks -- fanout --recipients 20000 --baseline 0 --ledger redis --store postgres >/dev/null
# SMPP: submit_sm over one bind to the node-smpp peer; exits non-zero unless every message was accepted.
dotnet run -c Release --no-build --project bench/Warning.Benchmarks -- smpp --messages 500 >/dev/null
# Monitoring trigger: reading → first adapter call of a pre-authorised rule's warning; exits non-zero if a run opened none.
dotnet run -c Release --no-build --project bench/Warning.Benchmarks -- trigger --runs 3 --people 2000 >/dev/null
# The whole product on the peers profile: the real host against every local peer; exits non-zero if a channel missed anyone.
dotnet run -c Release --no-build --project bench/Warning.Benchmarks -- e2e --people 2000 >/dev/null
echo "bench smoke: ok"
