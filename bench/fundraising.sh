#!/usr/bin/env bash
# Fundraising's figures in BENCHMARKS.md, on the release build with the demo content: a
# donation page at 16 and 64 connections (wrk), then `membersnet bench-fundraising`:
# signed "paid" webhooks per second with exactly-once effects (and their replays), and
# the time from a webhook to a watcher's thermometer.
#   bench/fundraising.sh sqlite | postgres
set -euo pipefail
cd "$(dirname "$0")/.."
source ./env.sh
backend="${1:-sqlite}"
seconds="${SECONDS_EACH:-10}"
command -v wrk >/dev/null || { sudo apt-get update -q && sudo apt-get install -y -q wrk; }
binary="$CARGO_TARGET_DIR/release/membersnet"
if [ "$backend" = postgres ]; then
  admin="${TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/test}"
  psql "$admin" -qc "DROP DATABASE IF EXISTS fundraising_bench" -c "CREATE DATABASE fundraising_bench"
  export DATABASE_URL="${admin%/*}/fundraising_bench"
else
  export DATABASE_URL="sqlite://$(mktemp -d)/fundraising-bench.db?mode=rwc"
fi
# A provider that is never called (the bench plays the provider's webhooks itself).
export RUST_LOG=warn LEPTOS_SITE_ROOT="$PWD/target/site" PAYMENTS_API_URL=http://127.0.0.1:9 \
  PAYMENTS_SECRET_KEY=sk_bench PAYMENTS_WEBHOOK_SECRET=whsec_bench
site=http://127.0.0.1:3301
LEPTOS_SITE_ADDR=127.0.0.1:3301 PUBLIC_URL=$site "$binary" serve &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
until curl -sf "$site/manifest.webmanifest" >/dev/null; do sleep 0.2; done

load() { # connections path
  wrk -t2 -c"$1" -d"${seconds}s" --latency "$site$2" | awk -v c="$1" -v p="$2" '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    / 99% / { p99 = ms($2) } /Requests\/sec/ { rps = $2 } /Non-2xx/ { bad = $NF }
    END { printf "%-45s %3d conns: %7.0f req/s  p99 %6.1f ms  non-2xx %d\n", p, c, rps, p99, bad + 0 }'
}
echo "== $backend: donation page (wrk, ${seconds}s each)"
for c in 16 64; do load "$c" /donate/fighting-fund; done
echo "== $backend: webhooks"
"$binary" bench-fundraising --url "$site" --secret whsec_bench --gifts "${GIFTS:-5000}"
