#!/usr/bin/env bash
# Prints the figures in BENCHMARKS.md: download sizes, then one table of requests/s and
# latency at 16 and 64 connections on a seeded database, with server memory and a check
# that sign-ups under load never oversold their slot.
#
#   ./bench.sh                                                         SQLite
#   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test ./bench.sh    PostgreSQL (that URL is
#       only used to create databases: the seeded one is mn_bench_<key>, the run's mn_bench_run)
#   BENCH_NODES=2 DATABASE_URL=postgres://… ./bench.sh                 two servers, one database
#
# Sizes: BENCH_PEOPLE (200000), BENCH_EVENTS (100000), BENCH_SIGNUPS (1000000), BENCH_GROUPS
# (20000; from 1000 the seed adds group bench-long-thread with a 5,000-reply thread),
# BENCH_FRIENDS (50 friends per person on average, about 5M friendships; Sam, whom the bench
# signs in as, gets 50 going to upcoming events), BENCH_SEED (42); BENCH_SECONDS (10) per
# measurement. The seeded database is kept in BENCH_CACHE (/var/tmp/membersnet-bench) or
# PostgreSQL and reused while the sizes, the day and the schema are the same; each run works
# on a fresh copy. Needs wrk, brotli, sqlite3 and psql
# (Debian packages, installed if missing).
set -euo pipefail
cd "$(dirname "$0")"
people=${BENCH_PEOPLE:-200000} events=${BENCH_EVENTS:-100000} signups=${BENCH_SIGNUPS:-1000000}
groups=${BENCH_GROUPS:-20000} friends=${BENCH_FRIENDS:-50}
seed=${BENCH_SEED:-42} seconds=${BENCH_SECONDS:-10} nodes=${BENCH_NODES:-1}
cache=${BENCH_CACHE:-/var/tmp/membersnet-bench}
url=${DATABASE_URL:-sqlite}

./setup.sh
command -v wrk >/dev/null && command -v brotli >/dev/null && command -v sqlite3 >/dev/null &&
  command -v psql >/dev/null || {
  apt-get update -q && apt-get install -y -q -o DPkg::Lock::Timeout=120 wrk brotli sqlite3 postgresql-client
}
source ./env.sh
./build.sh >/dev/null 2>&1
bin="$CARGO_TARGET_DIR/release/membersnet"

pkg=target/site/pkg
echo "## Download (brotli: the file the build wrote, as the server sends it)"
brotli_size() { if [ -f "$1.br" ]; then wc -c <"$1.br"; else brotli -q 11 -c "$1" | wc -c; fi; }
shared=0 shared_br=0
for f in "$pkg"/*; do
  case "$f" in *.br | *.gz | *.ts) continue ;; esac
  case "${f#"$pkg"/}" in
  chunk_*) shared=$((shared + 1)) shared_br=$((shared_br + $(brotli_size "$f"))) ;;
  *) printf '%-58s raw %8d  brotli %8d bytes\n' "${f#"$pkg"/}" "$(wc -c <"$f")" "$(brotli_size "$f")" ;;
  esac
done
printf '%-58s %d files, brotli %d bytes in all\n' "shared chunks (chunk_*)" "$shared" "$shared_br"

dir="$(mktemp -d)"
servers=()
cleanup() {
  for pid in "${servers[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$dir"
}
trap cleanup EXIT

# The cache key: sizes, seed, London's date (events are placed around today) and the code
# that decides the rows.
schema=$(cat app/src/db/migrations/*.rs server/src/seed.rs server/src/seed/*.rs | sha1sum | cut -c1-8)
key="${seed}_${people}_${events}_${signups}_${groups}_${friends}_$(TZ=Europe/London date +%Y%m%d)_${schema}"
seed_into() {
  DEMO_CONTENT=false RUST_LOG=warn "$bin" --database-url "$1" seed --seed "$seed" \
    --people "$people" --events "$events" --signups "$signups" --groups "$groups" \
    --friends "$friends" 2>&1 | tail -n 4
}
echo
if [[ $url == postgres* ]]; then
  admin=$url base=${url%/*}
  psql -q "$admin" -At -c "SELECT datname FROM pg_database WHERE datname LIKE 'mn_bench_%' AND datname <> 'mn_bench_$key'" |
    while read -r old; do psql -q "$admin" -c "DROP DATABASE $old" >/dev/null; done
  if [[ -z $(psql "$admin" -At -c "SELECT 1 FROM pg_database WHERE datname = 'mn_bench_$key'") ]]; then
    echo "## Seeding PostgreSQL (kept as mn_bench_$key)"
    psql -q "$admin" -c "CREATE DATABASE mn_bench_seeding" >/dev/null
    seed_into "$base/mn_bench_seeding"
    psql -q "$admin" -c "ALTER DATABASE mn_bench_seeding RENAME TO mn_bench_$key" >/dev/null
  fi
  psql -q "$admin" -c "CREATE DATABASE mn_bench_run TEMPLATE mn_bench_$key" >/dev/null
  db_url="$base/mn_bench_run"
  sql() { psql "$db_url" -At -F ' ' -c "$1"; }
  backend="PostgreSQL $(psql "$admin" -At -c 'SHOW server_version')"
else
  mkdir -p "$cache"
  find "$cache" -name 'seed_*.db' ! -name "seed_$key.db" -delete
  if [[ ! -f $cache/seed_$key.db ]]; then
    echo "## Seeding SQLite (kept as $cache/seed_$key.db)"
    rm -f "$cache"/seeding.db*
    seed_into "sqlite://$cache/seeding.db?mode=rwc"
    sqlite3 "$cache/seeding.db" 'PRAGMA wal_checkpoint(TRUNCATE);' >/dev/null
    rm -f "$cache/seeding.db-wal" "$cache/seeding.db-shm"
    mv "$cache/seeding.db" "$cache/seed_$key.db"
  fi
  cp "$cache/seed_$key.db" "$dir/bench.db"
  db_url="sqlite://$dir/bench.db?mode=rwc"
  sql() { sqlite3 -batch -noheader -separator ' ' "$dir/bench.db" "$1"; }
  backend="SQLite (file, WAL)"
fi
if [[ $url == postgres* ]]; then
  trap 'cleanup; psql -q "$admin" -c "DROP DATABASE IF EXISTS mn_bench_run" >/dev/null' EXIT
fi

ports=()
for ((n = 0; n < nodes; n++)); do
  port=$((3100 + n))
  ports+=("$port")
  # Reminders off: the first round on a seeded database queues one for every sign-up of
  # the next day at once (about 100,000), which would be measured instead of requests.
  DATABASE_URL="$db_url" DEMO_CONTENT=false EVENT_REMINDERS=false LEPTOS_SITE_ROOT="$PWD/target/site" \
    LEPTOS_SITE_ADDR="127.0.0.1:$port" PUBLIC_URL="http://127.0.0.1:$port" RUST_LOG=warn "$bin" serve &
  servers+=("$!")
done
for port in "${ports[@]}"; do
  until curl -sf "http://127.0.0.1:$port/manifest.webmanifest" >/dev/null; do sleep 0.2; done
done
source bench/measure.sh
