#!/usr/bin/env bash
# Compares builds by the server's CPU time per request, which moves far less than
# requests/s on a shared machine. Each run starts a build on a fresh copy of ./bench.sh's
# seeded SQLite file, signs in as Sam, warms up for 3 s, then runs wrk and reads the
# server's CPU time from /proc.
#
#   bench/cpu_per_request.sh PATH CONNECTIONS SECONDS ROUNDS BINARY...
#   e.g. bench/cpu_per_request.sh / 16 8 3 /tmp/membersnet-before /tmp/membersnet-after
#
# The builds run in turn, round after round. Needs a seeded file (run ./bench.sh once).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/sign_in.sh
path=$1 conns=$2 seconds=$3 rounds=$4
shift 4
seeded=$(ls -t "${BENCH_CACHE:-/var/tmp/membersnet-bench}"/seed_*.db | head -1)
work=$(mktemp -d)
port=3390 origin=http://127.0.0.1:3390
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT
tick=$(getconf CLK_TCK)
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$pid/stat"; }

for round in $(seq 1 "$rounds"); do
  for bin in "$@"; do
    cp "$seeded" "$work/run.db"
    DATABASE_URL="sqlite://$work/run.db" DEMO_CONTENT=false EVENT_REMINDERS=false RUST_LOG=warn \
      LEPTOS_SITE_ROOT="$PWD/target/site" LEPTOS_SITE_ADDR="127.0.0.1:$port" PUBLIC_URL="$origin" \
      "$bin" serve >"$work/server.log" 2>&1 &
    pid=$!
    for _ in $(seq 1 120); do curl -s -o /dev/null "$origin/" && break; sleep 0.5; done
    cookie="Cookie: mn_session=$(sam_session "$origin")"
    wrk -t1 -c"$conns" -d3s -H "$cookie" "$origin$path" >/dev/null
    before=$(cpu_ticks)
    out=$(wrk -t1 -c"$conns" -d"${seconds}s" -H "$cookie" "$origin$path")
    after=$(cpu_ticks)
    requests=$(echo "$out" | awk '/requests in/ { print $1 }')
    rate=$(echo "$out" | awk '/Requests\/sec/ { print $2 }')
    awk -v r="$round" -v b="$bin" -v p="$path" -v rate="$rate" -v t=$((after - before)) \
      -v n="$requests" -v hz="$tick" \
      'BEGIN { printf "round %d  %-40s %s  %8.1f req/s  %.2f ms CPU a request\n", r, b, p, rate, t * 1000 / hz / n }'
    kill "$pid"
    wait "$pid" 2>/dev/null || true
    pid=
  done
done
