#!/usr/bin/env bash
# A consistent-enough backup while running: pg_dump (one snapshot of the database) and a mirror of the attachments
# bucket, into backups/<UTC time>/ (or the folder given). Attachments written during the dump may be in the bucket
# copy without a database row; never the reverse if the dump runs first, as here.
#   scripts/selfhost/backup.sh [target folder]
set -euo pipefail
cd "$(dirname "$0")/../.."
set -a && . ./.env && set +a
out="${1:-backups/$(date -u +%Y%m%dT%H%M%SZ)}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"

echo "==> database → $out/tasklane.dump"
docker compose exec -T postgres pg_dump -U tasklane -d tasklane --format=custom --no-owner >"$out/tasklane.dump"

mkdir -p "$out/attachments"
echo "==> attachments → $out/attachments/"
docker compose run --rm --no-deps -v "$out:/backup" --entrypoint /bin/sh minio-init -ec \
  'mc alias set local http://minio:9000 "$MINIO_ROOT_USER" "$MINIO_ROOT_PASSWORD" >/dev/null && mc mirror --overwrite "local/$S3_BUCKET" /backup/attachments'

cp .env "$out/env" && chmod 600 "$out/env"
echo "Backup in $out (tasklane.dump, attachments/, env). Copy it off this machine."
