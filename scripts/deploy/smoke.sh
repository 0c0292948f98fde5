#!/usr/bin/env bash
# After a rollout: the public URL answers, the database and Redis are reachable, and Socket.IO's handshake works
# through the ALB. Exit 1 on any failure (the pipeline then rolls back).
#   scripts/deploy/smoke.sh https://staging.tasklane.example.com
set -euo pipefail
base="${1%/}"
check() { # name, url, expected HTTP status
  local code
  code="$(curl -sS -o /dev/null -w '%{http_code}' --max-time 10 --retry 5 --retry-delay 3 --retry-all-errors "$2" || true)"
  if [ "$code" != "$3" ]; then echo "FAIL $1: $2 answered $code, expected $3" >&2; return 1; fi
  echo "ok   $1 ($code)"
}
check "web readiness" "$base/api/ready" 200
check "sign-in page" "$base/signin" 200
check "metrics are not public" "$base/api/metrics" 404
check "realtime handshake (polling)" "$base/socket.io/?EIO=4&transport=polling" 200
check "REST API refuses the unauthenticated" "$base/api/v1/me" 401
