#!/usr/bin/env bash
# Sets up what Arvio needs (system packages only when missing) and starts the app. It finds the
# shipped guidance itself; `bash scripts/start.sh --guidance DIR` opens another one.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/system-deps.sh
cargo run --release --bin arvio-app -- "$@"
