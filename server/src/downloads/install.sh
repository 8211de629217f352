#!/usr/bin/env bash
# The CloudNexus CLI installer, as served by a CloudNexus server at /install.sh:
#   curl -sS --cacert <server CA> https://<server>/install.sh | bash [-s -- OPTIONS]
# It downloads the CLI and SDK tarballs from that same server, checks their SHA-256, installs them
# for the current user (no root) and writes a CLI profile pointing at that server.
# Options (or environment):
#   --prefix DIR     (CLOUDNEXUS_PREFIX)   install under DIR; the command lands in DIR/bin (default ~/.local)
#   --ca-file PEM    (CLOUDNEXUS_CA_FILE)  certificate authority to trust for the server; by default the
#                                          server's own self-signed certificate, when it uses one
#   --profile NAME   (CLOUDNEXUS_PROFILE)  the CLI profile to write (default: default)
# Re-running it reinstalls what the server hosts now and keeps the profile's API key.
set -euo pipefail

# @SETTINGS@ (the server writes SERVER_URL, CLI_FILE, CLI_SHA256, SDK_FILE, SDK_SHA256, SERVER_CA here)

MIN_NODE_MAJOR=20

say() { printf 'cloudnexus-install: %s\n' "$*"; }
fail() { printf 'cloudnexus-install: error: %s\n' "$*" >&2; exit 1; }

# Everything runs from main(), called on the last line, so a download cut short runs nothing.
main() {
  local prefix="${CLOUDNEXUS_PREFIX:-$HOME/.local}" ca_file="${CLOUDNEXUS_CA_FILE:-}" profile="${CLOUDNEXUS_PROFILE:-default}"
  while [ $# -gt 0 ]; do
    case "$1" in
      --prefix) prefix="${2:?--prefix needs a folder}"; shift 2 ;;
      --ca-file) ca_file="${2:?--ca-file needs a PEM file}"; shift 2 ;;
      --profile) profile="${2:?--profile needs a name}"; shift 2 ;;
      *) fail "unknown option $1 (expected --prefix, --ca-file or --profile)" ;;
    esac
  done
  check_node
  command -v npm >/dev/null 2>&1 || fail "npm was not found next to Node.js $(node --version); install npm (it ships with Node.js)."
  command -v curl >/dev/null 2>&1 || fail "curl is required to download the CLI."

  local config_dir="${XDG_CONFIG_HOME:-$HOME/.config}/cloudnexus"
  mkdir -p "$config_dir" && chmod 700 "$config_dir"
  # The CA the profile keeps: the one given, else the server's self-signed certificate, else none
  # (a certificate from a public authority needs none).
  local ca_kept=""
  if [ -n "$ca_file" ]; then
    [ -r "$ca_file" ] || fail "cannot read the CA file $ca_file"
    ca_kept="$(cd "$(dirname "$ca_file")" && pwd)/$(basename "$ca_file")"
  elif [ -n "$SERVER_CA" ]; then
    ca_kept="$config_dir/server-ca.pem"
    printf '%s\n' "$SERVER_CA" > "$ca_kept"
  fi

  local lib="$prefix/lib/cloudnexus" bin_dir="$prefix/bin"
  # Global: the EXIT trap runs after main has returned.
  STAGING="$lib.new.$$"
  local staging="$STAGING"
  rm -rf "$staging"
  mkdir -p "$staging" "$bin_dir"
  trap 'rm -rf "$STAGING"' EXIT
  fetch "$SDK_FILE" "$SDK_SHA256" "$staging" "$ca_kept"
  fetch "$CLI_FILE" "$CLI_SHA256" "$staging" "$ca_kept"
  # A private project holding both tarballs, so the CLI's dependency on @cloudnexus/sdk is met
  # by the SDK from this server rather than looked up in a registry.
  printf '{"private":true,"dependencies":{"@cloudnexus/sdk":"file:./%s","cloudnexus":"file:./%s"}}\n' "$SDK_FILE" "$CLI_FILE" > "$staging/package.json"
  say "installing cloudnexus from $SERVER_URL into $prefix"
  (cd "$staging" && npm install --omit=dev --no-fund --no-audit --update-notifier=false --loglevel=error >&2) || fail "npm install of the downloaded tarballs failed (see npm's messages above)."
  rm -rf "$lib"
  mv "$staging" "$lib"
  ln -sfn "$lib/node_modules/.bin/cloudnexus" "$bin_dir/cloudnexus"
  local version
  version="$("$bin_dir/cloudnexus" --version)" || fail "installed, but $bin_dir/cloudnexus does not run."

  write_profile "$config_dir/config.json" "$profile" "$SERVER_URL/v2" "$ca_kept"
  say "installed cloudnexus $version as $bin_dir/cloudnexus; profile \"$profile\" uses $SERVER_URL/v2"
  case ":$PATH:" in
    *":$bin_dir:"*) ;;
    *) say "$bin_dir is not on your PATH; add it: export PATH=\"$bin_dir:\$PATH\"" ;;
  esac
  say "then run: cloudnexus auth login$([ "$profile" = default ] || printf ' --profile %s' "$profile")"
}

check_node() {
  command -v node >/dev/null 2>&1 || fail "Node.js $MIN_NODE_MAJOR or newer is required and was not found on PATH."
  local found major
  found="$(node --version)"
  major="${found#v}"
  major="${major%%.*}"
  case "$major" in '' | *[!0-9]*) fail "could not read the Node.js version (got: $found)." ;; esac
  [ "$major" -ge "$MIN_NODE_MAJOR" ] || fail "Node.js $MIN_NODE_MAJOR or newer is required; found $found."
}

# fetch FILE SHA256 DIR CA: downloads $SERVER_URL/downloads/npm/FILE into DIR and checks its hash.
fetch() {
  local file="$1" expected="$2" dir="$3" ca="$4"
  local curl_ca=()
  [ -n "$ca" ] && curl_ca=(--cacert "$ca")
  curl -fsS "${curl_ca[@]}" -o "$dir/$file" "$SERVER_URL/downloads/npm/$file" || fail "could not download $SERVER_URL/downloads/npm/$file"
  local actual
  actual="$(node -e 'process.stdout.write(require("crypto").createHash("sha256").update(require("fs").readFileSync(process.argv[1])).digest("hex"))' "$dir/$file")"
  [ "$actual" = "$expected" ] || fail "$file has SHA-256 $actual, expected $expected: not installing it."
}

# write_profile FILE PROFILE BASE_URL CA: sets the profile's base_url and ca_cert, keeping its API
# key, in the CLI's config file (written 0600 through a rename, as the CLI writes it).
write_profile() {
  # shellcheck disable=SC2016 # JavaScript, not shell: nothing in it is for bash to expand.
  node -e '
    const fs = require("fs");
    const [file, profile, baseUrl, ca] = process.argv.slice(1);
    let config = { profiles: {} };
    try { config = JSON.parse(fs.readFileSync(file, "utf8")); } catch (error) { if (error.code !== "ENOENT") throw error; }
    config.profiles ??= {};
    const entry = { ...config.profiles[profile], base_url: baseUrl };
    if (ca) entry.ca_cert = ca; else delete entry.ca_cert;
    config.profiles[profile] = entry;
    fs.writeFileSync(`${file}.tmp`, JSON.stringify(config, null, 2) + "\n", { mode: 0o600 });
    fs.renameSync(`${file}.tmp`, file);
  ' "$@"
}

main "$@"
