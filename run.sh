#!/usr/bin/env bash
# Builds and runs MembersNet on http://127.0.0.1:3000 (SQLite file membersnet.db, with
# demo content on first run). Any setting can be passed as a flag or env var: see --help.
set -euo pipefail
cd "$(dirname "$0")"
./setup.sh
source ./env.sh
./build.sh
export LEPTOS_SITE_ROOT="${LEPTOS_SITE_ROOT:-$PWD/target/site}"
exec "$CARGO_TARGET_DIR/release/membersnet" "$@"
