#!/usr/bin/env bash
# Installs (from Debian's packages) and starts the services the test suites need, PostgreSQL and
# Redis on 127.0.0.1, then prints the environment that points the tests at them. Used by .ci/run
# and by developers:
#   eval "$(scripts/test-services.sh)" && npm test
set -euo pipefail

log() { echo "[test-services] $*" >&2; }

if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  log "installing postgresql"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
fi

version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
if ! pg_lsclusters -h 2>/dev/null | awk '{print $1" "$2}' | grep -qx "$version main"; then
  log "creating PostgreSQL $version cluster"
  pg_createcluster "$version" main >&2
fi
if ! pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $4}' | grep -qx online; then
  log "starting PostgreSQL $version"
  pg_ctlcluster "$version" main start >&2
fi
port=$(pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $3}')

for _ in $(seq 1 30); do
  su postgres -c "pg_isready -q -h 127.0.0.1 -p $port" && break
  sleep 1
done

su postgres -c "psql -q -p $port -c \"ALTER USER postgres PASSWORD 'postgres'\"" >&2
if ! su postgres -c "psql -p $port -tAc \"SELECT 1 FROM pg_database WHERE datname='cloudnexus_test'\"" | grep -q 1; then
  su postgres -c "createdb -p $port cloudnexus_test" >&2
fi

echo "export TEST_DATABASE_URL=postgres://postgres:postgres@127.0.0.1:$port/cloudnexus_test"

# Redis for the shared rate limits and key revocations: a throwaway daemon, nothing persisted.
if ! command -v redis-server >/dev/null; then
  log "installing redis-server"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq redis-server >&2
fi
if ! redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
  log "starting Redis on 127.0.0.1:6379"
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save '' --appendonly no >&2
fi
for _ in $(seq 1 30); do
  redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 && break
  sleep 0.2
done
redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null || { log "Redis did not start"; exit 1; }

echo "export TEST_REDIS_URL=redis://127.0.0.1:6379"
