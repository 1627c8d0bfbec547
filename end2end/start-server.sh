#!/usr/bin/env bash
# Starts the release server for the browser tests on a fresh SQLite file.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
target="${CARGO_TARGET_DIR:-$root/target}"
db="$(mktemp -d)/e2e.db"
export DATABASE_URL="sqlite://$db?mode=rwc"
export LEPTOS_SITE_ROOT="${LEPTOS_SITE_ROOT:-$root/target/site}"
export LEPTOS_SITE_ADDR="127.0.0.1:${E2E_PORT:-3000}"
export PUBLIC_URL="http://$LEPTOS_SITE_ADDR"
export RUST_LOG="${RUST_LOG:-warn}"
unset SMTP_URL
exec "$target/release/membersnet" serve
