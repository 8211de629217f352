#!/usr/bin/env bash
# Fuzzes every operation of spec/openapi.json with Schemathesis against a throwaway server, and
# exits non-zero on any failed check. It installs the pinned Schemathesis into fuzz/.venv (made if
# missing), starts scripts/test-server.mjs (an enterprise account with a high rate limit), seeds a
# few resources of each kind (fuzz/seed.mjs) so `/{id}` routes reach real ones, and runs in
# deterministic mode: the same cases every run, so a CI failure reproduces with the same command.
# Needs python3 (3.10+) with venv, node, and PyPI on first run; takes about a minute.
#   bash fuzz/run.sh [extra schemathesis options, e.g. --include-operation-id createInstance]
set -euo pipefail
cd "$(dirname "$0")"
root="$(cd .. && pwd)"

if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements.txt

# The server runs until its stdin closes: the FIFO stays open as long as this script holds fd 3.
workdir="$(mktemp -d)"
server_pid=""
cleanup() {
  exec 3>&- || true
  [ -n "$server_pid" ] && wait "$server_pid" 2>/dev/null || true
  rm -rf "$workdir"
}
trap cleanup EXIT
mkfifo "$workdir/stdin"
node "$root/scripts/test-server.mjs" <"$workdir/stdin" >"$workdir/ready" &
server_pid=$!
exec 3>"$workdir/stdin"

for _ in $(seq 1 600); do
  [ -s "$workdir/ready" ] && break
  kill -0 "$server_pid" 2>/dev/null || { echo "fuzz: test server did not start" >&2; exit 1; }
  sleep 0.1
done
[ -s "$workdir/ready" ] || { echo "fuzz: test server not ready after 60 s" >&2; exit 1; }
field() { node -e 'process.stdout.write(JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"))[process.argv[2]])' "$workdir/ready" "$1"; }
base_url="$(field base_url)"
api_key="$(field api_key)"
ca_file="$(field ca_file)"

# Real resources for the `/{id}` routes; their ids go beside a copy of the config, which names them.
mkdir "$workdir/seed"
NODE_EXTRA_CA_CERTS="$ca_file" node seed.mjs "$base_url" "$api_key" "$workdir/seed"
cp schemathesis.toml "$workdir/schemathesis.toml"

# The document's `servers` names the public host; --url points every operation at this server
# (its base_url already ends in /v2, and the document's paths start with /v2).
# Checks: every one that needs neither the stateful phase nor a second account, named so that a
# Schemathesis upgrade cannot silently drop one. One worker: Hypothesis' lambda-source cache is not
# thread-safe on Python 3.11 (a run with two failed with "AST constructor recursion depth mismatch").
# hooks.py teaches Schemathesis the upload's media type (application/x-tar).
SCHEMATHESIS_HOOKS=hooks PYTHONPATH="$PWD" .venv/bin/schemathesis --config-file "$workdir/schemathesis.toml" run "$root/spec/openapi.json" \
  --url "${base_url%/v2}" \
  --header "Authorization: Bearer $api_key" \
  --tls-verify "$ca_file" \
  --checks not_a_server_error,status_code_conformance,content_type_conformance,response_headers_conformance,response_schema_conformance,negative_data_rejection,positive_data_acceptance,missing_required_header,unsupported_method,allow_header_conformance,ignored_auth \
  --phases examples,coverage,fuzzing \
  --max-examples 50 \
  --generation-deterministic \
  --workers 1 \
  --request-timeout 10 \
  --no-color \
  "$@"
