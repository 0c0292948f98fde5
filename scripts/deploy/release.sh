#!/usr/bin/env bash
# Rolls one release out to one environment (the pipeline's deploy jobs; an operator can run it the same way).
#   scripts/deploy/release.sh <staging|production> <image tag (git SHA)> <ECR registry, e.g. 123….dkr.ecr.eu-west-1.amazonaws.com>
# Order: config, secrets, services (everything but the Deployments) → the release's migration Job, to completion →
# the Deployments → rollout status. Needs kubectl (with a context for the cluster), kustomize and yq (mikefarah).
set -euo pipefail
env="$1" tag="$2" registry="$3"
root="$(cd "$(dirname "$0")/../.." && pwd)"
overlay="$root/deploy/k8s/overlays/$env"
ns="tasklane-$env"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Pin the images to this release in throwaway copies of the overlays (the repo keeps "unreleased").
cp -r "$root/deploy/k8s" "$work/k8s"
(cd "$work/k8s/overlays/$env" &&
  kustomize edit set image "tasklane-web=$registry/tasklane-web:$tag" "tasklane-realtime=$registry/tasklane-realtime:$tag")
(cd "$work/k8s/overlays/$env/migrate" &&
  kustomize edit set image "tasklane-realtime=$registry/tasklane-realtime:$tag" &&
  kustomize edit set namesuffix -- "-${tag:0:12}")
kustomize build "$work/k8s/overlays/$env" >"$work/release.yaml"
kustomize build "$work/k8s/overlays/$env/migrate" >"$work/migrate.yaml"
job="tasklane-migrate-${tag:0:12}"

echo "==> $env: everything but the Deployments"
yq 'select(.kind != "Deployment")' "$work/release.yaml" | kubectl apply --server-side --field-manager=tasklane-release -f -
kubectl -n "$ns" wait externalsecret/tasklane-secrets --for=condition=Ready --timeout=5m

echo "==> $env: migrations ($job)"
kubectl apply -f "$work/migrate.yaml"
if ! kubectl -n "$ns" wait "job/$job" --for=condition=Complete --timeout=15m; then
  kubectl -n "$ns" logs "job/$job" --tail=200 || true
  echo "Migration failed: the running release is untouched." >&2
  exit 1
fi

echo "==> $env: Deployments"
kubectl apply --server-side --field-manager=tasklane-release -f "$work/release.yaml"
for d in tasklane-web tasklane-realtime tasklane-worker; do
  kubectl -n "$ns" rollout status "deployment/$d" --timeout=10m
done
