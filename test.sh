#!/usr/bin/env bash
# Runs every check: formatting, lints, unit and router tests on SQLite and PostgreSQL,
# the release build, and the browser tests (JavaScript on and off) against it.
set -euo pipefail
cd "$(dirname "$0")"
./setup.sh
source ./env.sh

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
step() { echo; echo "==> $*"; }

step "formatting"
cargo fmt --all -- --check

step "lints (server and browser builds)"
cargo clippy --workspace --all-targets -- -D warnings
cargo clippy -p app --lib --no-default-features --features hydrate --target wasm32-unknown-unknown -- -D warnings

step "unit and router tests on SQLite"
cargo test --workspace 2>&1 | tee -a "$log"

step "router tests on PostgreSQL"
export TEST_POSTGRES_URL="${TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/test}"
cargo test --workspace --test api 2>&1 | tee -a "$log"
psql "$TEST_POSTGRES_URL" -Atc "SELECT datname FROM pg_database WHERE datname LIKE 'mn_test_%'" |
  while read -r name; do psql "$TEST_POSTGRES_URL" -qc "DROP DATABASE IF EXISTS $name" >/dev/null; done
unset TEST_POSTGRES_URL

step "release build"
./build.sh

step "browser tests (Chromium, JavaScript on and off)"
(cd end2end && LEPTOS_SITE_ROOT="$PWD/../target/site" npx playwright test) 2>&1 | tee -a "$log"

# One closing line for every runner above.
passed=$(grep -hoE '(test result: ok\. |^ *)[0-9]+ passed' "$log" | grep -oE '[0-9]+' | awk '{ s += $1 } END { print s + 0 }' || true)
echo
echo "total: ${passed:-0} passed, 0 failed"
