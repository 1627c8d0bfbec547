#!/usr/bin/env bash
# The release build that run.sh, test.sh and bench.sh share: the server, and the browser's
# code split into one lazily loaded chunk per page (`--split`), every static file named
# after its content (`hash-files` in Cargo.toml) and compressed once here at brotli's and
# gzip's highest levels (`--precompress`), so the server sends files as they are.
set -euo pipefail
cd "$(dirname "$0")"
source ./env.sh
# Shared code in pieces smaller than this goes into one chunk every section loads
# (setup.sh's patch to the splitter), so a page needs a few files, not hundreds.
export WASM_SPLIT_MERGE_CHUNKS_BELOW="${WASM_SPLIT_MERGE_CHUNKS_BELOW:-16384}"
cargo leptos build --release --split --precompress "$@"
