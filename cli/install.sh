#!/usr/bin/env bash
# Installs or upgrades the cloudnexus CLI from the npm registry, for the current user, no sudo:
#   curl -sS https://…/install.sh | bash
# Settings (environment):
#   CLOUDNEXUS_PREFIX   where to install (default: $HOME/.local; the command lands in $PREFIX/bin)
#   CLOUDNEXUS_VERSION  the npm version or tag to install (default: latest)
# Re-running it is safe: it upgrades to the requested version, or keeps the one already there.
set -euo pipefail

MIN_NODE_MAJOR=20
PACKAGE=cloudnexus

say() { printf 'cloudnexus-install: %s\n' "$*"; }
fail() { printf 'cloudnexus-install: error: %s\n' "$*" >&2; exit 1; }

# Everything runs from main(), called on the last line, so a download cut short by the network
# runs nothing rather than half a script.
main() {
  local prefix="${CLOUDNEXUS_PREFIX:-$HOME/.local}"
  local version="${CLOUDNEXUS_VERSION:-latest}"
  local bin_dir="$prefix/bin"

  check_node
  command -v npm >/dev/null 2>&1 || fail "npm was not found next to Node.js $(node --version); install npm (it ships with Node.js from nodejs.org)."

  local before after
  before="$(installed_version "$bin_dir")"
  say "installing $PACKAGE@$version into $prefix (npm install -g --prefix $prefix)"
  npm install -g --prefix "$prefix" --no-fund --no-audit "$PACKAGE@$version" >&2 \
    || fail "npm install -g --prefix $prefix $PACKAGE@$version failed (see npm's messages above)."
  after="$(installed_version "$bin_dir")"
  [ -n "$after" ] || fail "npm finished but $bin_dir/cloudnexus does not run."

  if [ -z "$before" ]; then
    say "installed cloudnexus $after as $bin_dir/cloudnexus"
  elif [ "$before" = "$after" ]; then
    say "cloudnexus $after was already installed in $bin_dir; kept it"
  else
    say "upgraded cloudnexus from $before to $after in $bin_dir"
  fi

  case ":$PATH:" in
    *":$bin_dir:"*) say "run: cloudnexus auth login" ;;
    *)
      say "$bin_dir is not on your PATH; add it (and to ~/.bashrc or ~/.zshrc to keep it):"
      say "  export PATH=\"$bin_dir:\$PATH\""
      say "then run: cloudnexus auth login"
      ;;
  esac
}

check_node() {
  command -v node >/dev/null 2>&1 \
    || fail "Node.js $MIN_NODE_MAJOR or newer is required and was not found on PATH; install it from https://nodejs.org or your package manager."
  local found major
  found="$(node --version)"
  major="${found#v}"
  major="${major%%.*}"
  case "$major" in
    '' | *[!0-9]*) fail "could not read the Node.js version from 'node --version' (got: $found)." ;;
  esac
  [ "$major" -ge "$MIN_NODE_MAJOR" ] \
    || fail "Node.js $MIN_NODE_MAJOR or newer is required; found $found. Upgrade Node.js, then run this again."
}

# The version of an existing install, empty when there is none (or it does not run).
installed_version() {
  if [ -x "$1/cloudnexus" ]; then
    "$1/cloudnexus" --version 2>/dev/null || true
  fi
}

main "$@"
