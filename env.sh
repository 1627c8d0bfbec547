# Sourced by the scripts: puts the project's tools on PATH. Debian's own wasm-opt is too old
# and silently breaks hydration, so binaryen's from npm must come first.
MEMBERSNET_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
export PATH="$MEMBERSNET_ROOT/end2end/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$MEMBERSNET_ROOT/target}"
