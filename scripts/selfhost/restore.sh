#!/usr/bin/env bash
# Restores a backup made by backup.sh into this stack, replacing the database and the bucket's contents.
#   scripts/selfhost/restore.sh backups/20260101T000000Z
# The app containers are stopped meanwhile; PostgreSQL, Redis and MinIO keep running.
set -euo pipefail
cd "$(dirname "$0")/../.."
src="$(cd "${1:?usage: restore.sh <backup folder>}" && pwd)"
[ -f "$src/tasklane.dump" ] || { echo "$src has no tasklane.dump" >&2; exit 1; }
set -a && . ./.env && set +a

docker compose up -d --wait postgres redis minio
docker compose stop proxy web realtime worker

echo "==> database ← $src/tasklane.dump"
docker compose exec -T postgres dropdb -U tasklane --if-exists --force tasklane_restore_old
docker compose exec -T postgres psql -U tasklane -d postgres -v ON_ERROR_STOP=1 -c 'ALTER DATABASE tasklane RENAME TO tasklane_restore_old' -c 'CREATE DATABASE tasklane OWNER tasklane'
docker compose exec -T postgres pg_restore -U tasklane -d tasklane --no-owner --exit-on-error <"$src/tasklane.dump"

echo "==> attachments ← $src/attachments/"
docker compose run --rm --no-deps -v "$src:/backup:ro" --entrypoint /bin/sh minio-init -ec \
  'mc alias set local http://minio:9000 "$MINIO_ROOT_USER" "$MINIO_ROOT_PASSWORD" >/dev/null && mc mb --ignore-existing "local/$S3_BUCKET" && mc mirror --overwrite --remove "/backup/attachments" "local/$S3_BUCKET"'

# Caches and rate-limit counters describe the old data.
docker compose exec -T redis redis-cli FLUSHALL
docker compose up -d --wait
echo "Restored. The previous database is kept as tasklane_restore_old until you drop it:"
echo "  docker compose exec postgres dropdb -U tasklane tasklane_restore_old"
