#!/usr/bin/env bash
# The Rust SDK's whole suite: lints as errors, then unit tests, integration tests against a real
# test server (scripts/test-server.mjs, so Node and the repo's npm install are needed), the shared
# conformance scenario, and retry/wait tests against a local fake server.
set -euo pipefail
cd "$(dirname "$0")"

# The committed generated code must match a fresh generation from the spec.
node scripts/generate.mjs --check
cargo clippy --locked --all-targets -- -D warnings
cargo test --locked
