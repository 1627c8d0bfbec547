#!/usr/bin/env bash
# Memory under a burst of account sign-ups (issue 18): starts the release server on a fresh
# SQLite database, fires BURST (160) sign-ups at once, each from its own address, and prints
# the server's resident memory before, at its peak and after, with how many were answered.
# Argon2 takes 19 MiB a hash: without a cap on hashes at once, 160 took the server to 1 GiB.
#
#   bench/signup_burst.sh            (after cargo leptos build --release)
set -euo pipefail
cd "$(dirname "$0")/.."
source ./env.sh
burst=${BURST:-160} port=${BURST_PORT:-3099}
bin="$CARGO_TARGET_DIR/release/membersnet"
dir="$(mktemp -d)"
DEMO_CONTENT=false EVENT_REMINDERS=false TRUST_FORWARDED_FOR=true PUBLIC_URL="http://127.0.0.1:$port" RUST_LOG=warn LEPTOS_SITE_ROOT="$PWD/target/site" \
  "$bin" --database-url "sqlite://$dir/burst.db?mode=rwc" --listen "127.0.0.1:$port" serve &
pid=$!
trap 'kill $pid 2>/dev/null || true; rm -rf "$dir"' EXIT
for _ in $(seq 1 100); do curl -sf -o /dev/null "http://127.0.0.1:$port/manifest.webmanifest" && break; sleep 0.1; done
rss() { awk '/VmRSS/ { print $2 }' "/proc/$pid/status"; }
before=$(rss) peak=$before
clients=()
for n in $(seq 1 "$burst"); do
  curl -s -o /dev/null -w '%{http_code}\n' "http://127.0.0.1:$port/api/auth/sign-up" \
    -H "Origin: http://127.0.0.1:$port" -H 'Accept: application/json' \
    -H "X-Forwarded-For: 10.0.$((n / 250)).$((n % 250 + 1))" \
    --data-urlencode "name=Burst Person $n" --data-urlencode "email=burst$n@example.org" \
    --data-urlencode 'password=a long enough passphrase' --data-urlencode 'postcode=' \
    >>"$dir/codes" &
  clients+=("$!")
done
start=$(date +%s.%N)
running() { for c in "${clients[@]}"; do kill -0 "$c" 2>/dev/null && return 0; done; return 1; }
while running; do
  now=$(rss)
  ((now > peak)) && peak=$now
  sleep 0.02
done
took=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }')
after=$(rss)
echo "sign-ups: $burst at once, all answered in ${took}s; answers: $(sort "$dir/codes" | uniq -c | tr '\n' ' ')"
echo "server RSS: before $((before / 1024)) MiB, peak $((peak / 1024)) MiB, after $((after / 1024)) MiB"
