#!/usr/bin/env bash
# Prints the figures in BENCHMARKS.md: download size, home page throughput and latency at
# 64 connections (anonymous and signed in), and server memory idle and under load.
# Runs the release build on a fresh SQLite file on 127.0.0.1:3100; needs wrk and brotli
# (Debian packages, installed if missing).
set -euo pipefail
cd "$(dirname "$0")"
./setup.sh
command -v wrk >/dev/null && command -v brotli >/dev/null || {
  apt-get update -q && apt-get install -y -q -o DPkg::Lock::Timeout=120 wrk brotli
}
source ./env.sh
cargo leptos build --release >/dev/null 2>&1

pkg=target/site/pkg
echo "## Download"
for f in membersnet.wasm membersnet.js membersnet.css; do
  printf '%-16s raw %8d  gzip %8d  brotli %8d bytes\n' "$f" \
    "$(wc -c <"$pkg/$f")" "$(gzip -9 -c "$pkg/$f" | wc -c)" "$(brotli -q 11 -c "$pkg/$f" | wc -c)"
done

dir="$(mktemp -d)"
addr=127.0.0.1:3100
DATABASE_URL="sqlite://$dir/bench.db?mode=rwc" LEPTOS_SITE_ROOT="$PWD/target/site" LEPTOS_SITE_ADDR=$addr \
  PUBLIC_URL="http://$addr" RUST_LOG=warn "$CARGO_TARGET_DIR/release/membersnet" serve &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$dir"' EXIT
until curl -sf "http://$addr/manifest.webmanifest" >/dev/null; do sleep 0.2; done
sleep 1

rss() { awk '/VmRSS/ { printf "%.0f MiB", $2 / 1024 }' "/proc/$server/status"; }
peak_rss_during() {
  local peak=0 kb
  "$@" >"$dir/wrk.out" &
  local load=$!
  while kill -0 $load 2>/dev/null; do
    kb=$(awk '/VmRSS/ { print $2 }' "/proc/$server/status"); ((kb > peak)) && peak=$kb
    sleep 0.2
  done
  echo "$((peak / 1024)) MiB"
}
report() {
  local name=$1
  shift
  local peak
  peak=$(peak_rss_during wrk -t2 -c64 -d10s --latency "$@")
  awk -v name="$name" -v peak="$peak" '
    / 50% / { p50 = $2 } / 99% / { p99 = $2 } /Requests\/sec/ { rps = $2 }
    END { printf "| %-28s | %10s | %8s | %8s | %9s |\n", name, rps, p50, p99, peak }' "$dir/wrk.out"
}

echo
echo "## Home page, 64 connections, 10 s (wrk -t2 -c64)"
echo "server RSS idle: $(rss)"
echo "| request                      |   req/s    |   p50    |   p99    | peak RSS  |"
echo "|------------------------------|------------|----------|----------|-----------|"
report "GET / (visitor)" "http://$addr/"
token=$(curl -s -D - -o /dev/null -X POST "http://$addr/api/auth/sign-in" -H "Origin: http://$addr" \
  -H "Accept: application/json" --data "email=sam%40membersnet.example&password=demo-password-2026" |
  sed -n 's/.*mn_session=\([0-9a-f]*\).*/\1/p')
report "GET / (signed in)" -H "Cookie: mn_session=$token" "http://$addr/"
report "GET /pkg/membersnet.css" "http://$addr/pkg/membersnet.css"
