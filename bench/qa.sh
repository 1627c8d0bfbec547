#!/usr/bin/env bash
# The Q&A figures in BENCHMARKS.md: release server(s) on a fresh database, 5,000 live
# watchers, 500 votes a second and an answer every two seconds (membersnet bench-qa).
#   bench/qa.sh sqlite       one process on SQLite
#   bench/qa.sh postgres     one process on PostgreSQL (database qa_bench, recreated)
#   bench/qa.sh postgres 2   two processes on one PostgreSQL, watchers and votes spread
# Extra arguments after those go to bench-qa (--watchers, --votes-per-second, --seconds).
set -euo pipefail
cd "$(dirname "$0")/.."
source ./env.sh
backend="${1:-sqlite}"; nodes="${2:-1}"; shift $(( $# > 2 ? 2 : $# )) || true
binary="$CARGO_TARGET_DIR/release/membersnet"
if [ "$backend" = postgres ]; then
  admin="${TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/test}"
  psql "$admin" -qc "DROP DATABASE IF EXISTS qa_bench" -c "CREATE DATABASE qa_bench"
  export DATABASE_URL="${admin%/*}/qa_bench"
else
  export DATABASE_URL="sqlite://$(mktemp -d)/qa-bench.db?mode=rwc"
fi
export DEMO_CONTENT=false RUST_LOG=warn LEPTOS_SITE_ROOT="$PWD/target/site"
"$binary" migrate
pids=(); urls=()
for n in $(seq 1 "$nodes"); do
  port=$((3100 + n))
  LEPTOS_SITE_ADDR="127.0.0.1:$port" PUBLIC_URL="http://127.0.0.1:$port" "$binary" serve &
  pids+=($!); urls+=("http://127.0.0.1:$port")
done
trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT
for url in "${urls[@]}"; do
  until curl -sf "$url/manifest.webmanifest" >/dev/null; do sleep 0.2; done
done
ulimit -n 65536 2>/dev/null || true
"$binary" bench-qa --url "$(IFS=,; echo "${urls[*]}")" --pid "$(IFS=,; echo "${pids[*]}")" "$@"
