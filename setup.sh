#!/usr/bin/env bash
# Installs what building and testing MembersNet needs, skipping whatever is already there.
# Safe to run again: the second time takes seconds.
set -euo pipefail
cd "$(dirname "$0")"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
# Says what is happening and how long it took, so a first run is never a silent wait.
started=$SECONDS
say() { echo "setup [$(( (SECONDS - started) / 60 ))m$(( (SECONDS - started) % 60 ))s]: $*"; }

missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v node >/dev/null || missing+=(nodejs npm)
command -v psql >/dev/null || missing+=(postgresql-client)
command -v pkg-config >/dev/null || missing+=(pkg-config)
if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${missing[*]} from Debian (a few minutes)"
  as_root apt-get update -q
  as_root apt-get install -y -q -o DPkg::Lock::Timeout=120 "${missing[@]}"
fi

rustup target list --installed | grep -qx wasm32-unknown-unknown || { say "adding Rust's WebAssembly target"; rustup target add wasm32-unknown-unknown; }
rustup component list --installed | grep -q '^rustfmt' || rustup component add rustfmt
rustup component list --installed | grep -q '^clippy' || rustup component add clippy

# cargo-leptos 0.3.11 needs a newer rustc; the wasm-bindgen CLI must match Cargo.lock.
# Both are tools, not what we ship: built without their release profile's whole-program
# optimisation (cargo-leptos asks for fat LTO in one codegen unit), which on two cores
# is most of their build time.
fast_tool_build() {
  CARGO_PROFILE_RELEASE_LTO=off CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 CARGO_PROFILE_RELEASE_DEBUG=0 \
    cargo install "$@"
}
# Its WASM splitter carries one patch of ours (.ci/patches): shared code in small pieces
# is merged into a few chunks, so that a page loads a few files instead of hundreds. The stamp
# beside the binary names the patch it was built with; a new patch rebuilds it.
split_patch=.ci/patches/wasm_split_cli_support-0.2.3-merge-small-chunks.patch
stamp="$HOME/.cargo/bin/.cargo-leptos-patch"
if ! cargo leptos --version 2>/dev/null | grep -q '0\.3\.10' || ! cmp -s "$split_patch" "$stamp"; then
  say "building cargo-leptos 0.3.10 from source, with our splitter patch (about 10 minutes on two cores, once)"
  work="$(mktemp -d)"
  # The splitter's published source, from the crates registry by way of cargo itself.
  mkdir -p "$work/fetch/src" && touch "$work/fetch/src/lib.rs"
  printf '[package]\nname = "fetch"\nversion = "0.0.0"\nedition = "2021"\n[dependencies]\nwasm_split_cli_support = "=0.2.3"\n' >"$work/fetch/Cargo.toml"
  source_dir="$(cd "$work/fetch" && cargo metadata --format-version 1 | python3 -c '
import json, sys
print(next(p["manifest_path"] for p in json.load(sys.stdin)["packages"] if p["name"] == "wasm_split_cli_support").rsplit("/", 1)[0])')"
  cp -r "$source_dir" "$work/wasm_split_cli_support"
  patch -d "$work/wasm_split_cli_support" -p1 <"$split_patch"
  fast_tool_build cargo-leptos --version 0.3.10 --locked --force \
    --config "patch.crates-io.wasm_split_cli_support.path=\"$work/wasm_split_cli_support\""
  cp "$split_patch" "$stamp"
  rm -rf "$work"
fi
if ! wasm-bindgen --version 2>/dev/null | grep -q '0\.2\.130'; then
  say "building wasm-bindgen-cli 0.2.130 from source (about 2 minutes, once)"
  fast_tool_build wasm-bindgen-cli --version 0.2.130
fi

# Playwright (using Debian's Chromium, no browser download) and binaryen's wasm-opt.
if [ ! -f end2end/node_modules/.package-lock.json ] || [ end2end/package-lock.json -nt end2end/node_modules/.package-lock.json ]; then
  say "installing the browser tests' npm packages (Playwright, Lighthouse, wasm-opt)"
  (cd end2end && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund)
fi
say "ready"
