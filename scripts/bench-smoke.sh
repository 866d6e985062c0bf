#!/usr/bin/env bash
# Runs every benchmark once on a tiny input (BenchmarkDotNet's Dry job): proves they build and run.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet run -c Release --project bench/Warning.Benchmarks -- --filter '*' --job Dry 1>/tmp/warning-bench-smoke.log 2>&1 \
  || { tail -n 60 /tmp/warning-bench-smoke.log; exit 1; }
grep -E "^\| " /tmp/warning-bench-smoke.log | head -n 20 || true
echo "bench smoke: ok"
