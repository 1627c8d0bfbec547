#!/usr/bin/env bash
# The Web Creator's figures in BENCHMARKS.md, on the release build with the demo content:
# a published page and the events widget at 16 and 64 connections (wrk), each widget's
# first render in bytes as sent (brotli), and how long a publish takes to show on a second
# server process (two processes on one PostgreSQL).
#   bench/sites.sh sqlite | postgres
set -euo pipefail
cd "$(dirname "$0")/.."
source ./env.sh
backend="${1:-sqlite}"
seconds="${SECONDS_EACH:-10}"
command -v wrk >/dev/null && command -v brotli >/dev/null ||
  { sudo apt-get update -q && sudo apt-get install -y -q wrk brotli; }
binary="$CARGO_TARGET_DIR/release/membersnet"
if [ "$backend" = postgres ]; then
  admin="${TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/test}"
  psql "$admin" -qc "DROP DATABASE IF EXISTS sites_bench" -c "CREATE DATABASE sites_bench"
  export DATABASE_URL="${admin%/*}/sites_bench"
else
  export DATABASE_URL="sqlite://$(mktemp -d)/sites-bench.db?mode=rwc"
fi
export RUST_LOG=warn LEPTOS_SITE_ROOT="$PWD/target/site"
nodes=1; [ "$backend" = postgres ] && nodes=2
pids=()
for n in $(seq 1 "$nodes"); do
  port=$((3200 + n))
  LEPTOS_SITE_ADDR="127.0.0.1:$port" PUBLIC_URL="http://127.0.0.1:3201" "$binary" serve &
  pids+=($!)
  until curl -sf "http://127.0.0.1:$port/manifest.webmanifest" >/dev/null; do sleep 0.2; done
done
trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT
site=http://127.0.0.1:3201
group=sheffield-central-local-party

load() { # connections path
  wrk -t2 -c"$1" -d"${seconds}s" --latency "$site$2" | awk -v c="$1" -v p="$2" '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    / 99% / { p99 = ms($2) } /Requests\/sec/ { rps = $2 } /Non-2xx/ { bad = $NF }
    END { printf "%-45s %3d conns: %7.0f req/s  p99 %6.1f ms  non-2xx %d\n", p, c, rps, p99, bad + 0 }'
}
echo "== $backend: requests (wrk, ${seconds}s each)"
for c in 16 64; do load "$c" "/p/$group"; done
for c in 16 64; do load "$c" "/embed/groups/$group/events"; done

echo "== widgets' first render, compressed as sent (brotli): HTML + widget.css + widget.js"
assets=0
for f in widget.css widget.js; do
  assets=$((assets + $(curl -s -H 'Accept-Encoding: br' "$site/embed/$f" | wc -c)))
done
event=$(curl -s "$site/embed/groups/$group/events" | grep -o 'href="/events/[0-9]*' | head -1 | grep -o '[0-9]*$')
for path in "/embed/groups/$group/events" "/embed/events/$event" "/embed/groups/$group/join" "/p/$group"; do
  html=$(curl -s -H 'Accept-Encoding: br' "$site$path" | wc -c)
  printf "%-45s HTML %6d B + assets %5d B = %6d B\n" "$path" "$html" "$assets" $((html + assets))
done

if [ "$nodes" = 2 ]; then
  echo "== publish on process 1 -> visible on process 2"
  jar=$(mktemp)
  curl -s -c "$jar" -o /dev/null -H "Origin: $site" -H 'Accept: application/json' \
    --data-urlencode email=priya@membersnet.example --data-urlencode password=demo-password-2026 "$site/api/auth/sign-in"
  worst=0
  for round in 1 2 3 4 5; do
    word="Published-$round-$RANDOM"
    version=$(curl -s -b "$jar" -H "Origin: $site" -H 'Accept: application/json' --data "group=$group&page=home" "$site/api/sites/page" | grep -o '"version":[0-9]*' | grep -o '[0-9]*')
    curl -s -b "$jar" -o /dev/null -H "Origin: $site" -H 'Accept: application/json' \
      --data "group=$group&page=home&version=$version&index=0&markdown=$word" "$site/api/sites/save-block"
    version=$((version + 1))
    # Process 2 has the old page cached (it is read constantly under load in production).
    curl -s -o /dev/null "http://127.0.0.1:3202/p/$group"
    start=$(date +%s%N)
    curl -s -b "$jar" -o /dev/null -H "Origin: $site" -H 'Accept: application/json' \
      --data "group=$group&page=home&version=$version" "$site/api/sites/publish"
    until curl -s "http://127.0.0.1:3202/p/$group" | grep -q "$word"; do sleep 0.005; done
    ms=$(( ($(date +%s%N) - start) / 1000000 ))
    echo "round $round: ${ms} ms (publish request included)"
    ((ms > worst)) && worst=$ms
  done
  echo "worst: ${worst} ms"
fi
