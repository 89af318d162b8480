#!/usr/bin/env bash
# Start a local PostgreSQL server (Debian packages) for the store's tests and print the URL to
# export as RASD_TEST_POSTGRES_URL. Needs root (apt-get, su postgres). Safe to run twice.
set -euo pipefail
if ! command -v pg_ctlcluster >/dev/null || [ -z "$(ls /usr/lib/postgresql 2>/dev/null)" ]; then
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
fi
ver=$(ls /usr/lib/postgresql | sort -V | tail -1)
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -q "^$ver main$"; then
  pg_createcluster "$ver" main >&2
fi
pg_ctlcluster "$ver" main start >/dev/null 2>&1 || true
for _ in $(seq 1 30); do
  su postgres -c "pg_isready -q" && break
  sleep 1
done
su postgres -c "psql -tAc \"SELECT 1 FROM pg_roles WHERE rolname='rasd'\"" | grep -q 1 \
  || su postgres -c "psql -q -c \"CREATE ROLE rasd LOGIN PASSWORD 'rasd'\"" >&2
su postgres -c "psql -tAc \"SELECT 1 FROM pg_database WHERE datname='rasd_test'\"" | grep -q 1 \
  || su postgres -c "createdb -O rasd rasd_test" >&2
echo "postgresql://rasd:rasd@localhost:5432/rasd_test"
