#!/usr/bin/env bash
# First start on one machine with Docker Engine and the compose plugin:
#   scripts/selfhost/install.sh tasklane.example.org      (a public domain: HTTPS from Let's Encrypt)
#   scripts/selfhost/install.sh http://192.168.1.20       (a LAN address: plain HTTP)
# Writes .env with generated secrets (once; kept on re-runs), builds the images, starts the stack, waits until healthy.
set -euo pipefail
cd "$(dirname "$0")/../.."
site="${1:?usage: install.sh <domain or http://address>}"
secret() { openssl rand -hex 32; }

if [ ! -f .env ]; then
  case "$site" in http://* | https://*) url="$site" ;; *) url="https://$site" ;; esac
  umask 077
  cat >.env <<ENV
# Tasklane self-host settings (scripts/selfhost/install.sh). Keep this file: it holds the only copy of the secrets.
COMPOSE_PROJECT_NAME=tasklane
TASKLANE_SITE=$site
APP_URL=$url
TASKLANE_VERSION=local
POSTGRES_PASSWORD=$(secret)
AUTH_SECRET=$(secret)
MINIO_ROOT_USER=tasklane
MINIO_ROOT_PASSWORD=$(secret)
S3_BUCKET=tasklane-attachments
EMAIL_FROM=Tasklane <noreply@${site#*://}>
# RESEND_API_KEY=re_...   (email: invitations, password resets, notifications)
ENV
  echo "Wrote .env (mode 600). Back it up with your data."
else
  echo ".env exists: keeping its settings and secrets."
fi

docker compose build
docker compose up -d --wait
docker compose ps
echo "Tasklane is up at $(grep '^APP_URL=' .env | cut -d= -f2-)"
