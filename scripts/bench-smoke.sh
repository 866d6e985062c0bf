#!/usr/bin/env bash
# Runs every benchmark once on a tiny input (BenchmarkDotNet's Dry job) and the receipts macro benchmark
# with a tiny count on each store: proves they build and run. No timing is asserted.
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
done
echo "bench smoke: ok"
