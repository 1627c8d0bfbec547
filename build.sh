#!/usr/bin/env bash
# The release build that run.sh, test.sh and bench.sh share: the server, and the browser's
# code split into one lazily loaded chunk per page (`--split`), every static file named
# after its content (`hash-files` in Cargo.toml) and compressed once here at brotli's and
# gzip's highest levels (`--precompress`), so the server sends files as they are.
set -euo pipefail
cd "$(dirname "$0")"
source ./env.sh
cargo leptos build --release --split --precompress "$@"
