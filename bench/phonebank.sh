#!/usr/bin/env bash
# The phonebank's figures in BENCHMARKS.md, on the release build: `membersnet
# bench-phonebank` on an empty database (100,000 contacts; 1, 16 and 64 simulated callers
# doing Next call → save outcome with no pause; double leases counted).
#   bench/phonebank.sh sqlite | postgres | postgres2   [more bench-phonebank options]
# postgres2: two processes of 32 callers each on one PostgreSQL (the first run makes the
# phonebank, then both join it at once).
set -euo pipefail
cd "$(dirname "$0")/.."
source ./env.sh
backend="${1:-sqlite}"
shift || true
binary="$CARGO_TARGET_DIR/release/membersnet"
export RUST_LOG=warn DEMO_CONTENT=false
if [ "$backend" = sqlite ]; then
  export DATABASE_URL="sqlite://$(mktemp -d)/phonebank-bench.db?mode=rwc"
  exec "$binary" bench-phonebank --callers 1,16,64 "$@"
fi
admin="${TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/test}"
psql "$admin" -qc "DROP DATABASE IF EXISTS phonebank_bench" -c "CREATE DATABASE phonebank_bench"
export DATABASE_URL="${admin%/*}/phonebank_bench"
if [ "$backend" = postgres ]; then
  exec "$binary" bench-phonebank --callers 1,16,64 "$@"
fi
"$binary" bench-phonebank --callers 1 --seconds 1 "$@"
out=$(mktemp -d)
"$binary" bench-phonebank --join --callers 32 "$@" >"$out/a" &
"$binary" bench-phonebank --join --callers 32 "$@" >"$out/b" &
wait
echo "process 1: $(tail -1 "$out/a")"
echo "process 2: $(tail -1 "$out/b")"
