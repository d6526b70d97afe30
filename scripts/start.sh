#!/usr/bin/env bash
# Installs what Arvio needs and starts the app on the shipped example guidance.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/system-deps.sh
cargo run --release -- --guidance rules/default "$@"
