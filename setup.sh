#!/usr/bin/env bash
# Installs what building and testing MembersNet needs, skipping whatever is already there.
# Safe to run again: the second time takes seconds.
set -euo pipefail
cd "$(dirname "$0")"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v node >/dev/null || missing+=(nodejs npm)
command -v psql >/dev/null || missing+=(postgresql-client)
command -v pkg-config >/dev/null || missing+=(pkg-config)
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]} from Debian"
  as_root apt-get update -q
  as_root apt-get install -y -q -o DPkg::Lock::Timeout=120 "${missing[@]}"
fi

rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
rustup component list --installed | grep -q '^rustfmt' || rustup component add rustfmt
rustup component list --installed | grep -q '^clippy' || rustup component add clippy

# cargo-leptos 0.3.11 needs a newer rustc; the wasm-bindgen CLI must match Cargo.lock.
if ! cargo leptos --version 2>/dev/null | grep -q '0\.3\.10'; then
  cargo install cargo-leptos --version 0.3.10 --locked
fi
if ! wasm-bindgen --version 2>/dev/null | grep -q '0\.2\.130'; then
  cargo install wasm-bindgen-cli --version 0.2.130
fi

# Playwright (using Debian's Chromium, no browser download) and binaryen's wasm-opt.
if [ ! -f end2end/node_modules/.package-lock.json ] || [ end2end/package-lock.json -nt end2end/node_modules/.package-lock.json ]; then
  (cd end2end && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund)
fi
