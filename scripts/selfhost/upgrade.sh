#!/usr/bin/env bash
# Upgrade in place: new source, new images, migrations once, then the app containers are replaced.
#   scripts/selfhost/upgrade.sh [git ref, default: the current branch's upstream]
# Take a backup first (scripts/selfhost/backup.sh); this script does so unless SKIP_BACKUP=1.
set -euo pipefail
cd "$(dirname "$0")/../.."
[ "${SKIP_BACKUP:-0}" = 1 ] || scripts/selfhost/backup.sh
if [ -n "${1:-}" ]; then git fetch --tags origin && git checkout "$1"; else git pull --ff-only; fi
docker compose build
# migrate is one-shot: run it to completion before the new app containers start.
docker compose run --rm migrate
docker compose up -d --wait --remove-orphans
docker compose ps
