#!/usr/bin/env bash
# The release build that run.sh, test.sh and bench.sh share: the server, and the browser's
# code split into one lazily loaded chunk per page (`--split`), every static file named
# after its content (`hash-files` in Cargo.toml) and compressed once here at brotli's and
# gzip's highest levels (`--precompress`), so the server sends files as they are.
set -euo pipefail
cd "$(dirname "$0")"
source ./env.sh
# Shared code in pieces smaller than this is merged into a few chunks (setup.sh's patch to
# the splitter), so a page needs a few files, not hundreds...
export WASM_SPLIT_MERGE_CHUNKS_BELOW="${WASM_SPLIT_MERGE_CHUNKS_BELOW:-16384}"
# ...merged apart for the pages a first visit lands on (the home page, an event page from a
# link in a text, the events search), so that they load little shared code they don't use.
export WASM_SPLIT_MERGE_KEEP_APART="${WASM_SPLIT_MERGE_KEEP_APART-home_section,event_section,finding_section}"
cargo leptos build --release --split --precompress "$@"
