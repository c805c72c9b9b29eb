#!/usr/bin/env bash
# Builds the withme image, loads it into the kind cluster, creates withme-secrets when it is missing,
# applies k8s/overlays/kind and waits until every workload has rolled out.
#   WITHME_SECRETS_ENV=path/to/secrets.env   NAME=value lines for withme-secrets (first deploy only)
set -euo pipefail
cd "$(dirname "$0")/../.."

CLUSTER_NAME="${CLUSTER_NAME:-withme}"
CONTEXT="kind-${CLUSTER_NAME}"
IMAGE="withme:dev"
kube() { kubectl --context "$CONTEXT" "$@"; }

docker build --tag "$IMAGE" .
kind load docker-image "$IMAGE" --name "$CLUSTER_NAME"

kube apply -f k8s/base/namespace.yaml
if ! kube -n withme get secret withme-secrets >/dev/null 2>&1; then
  if [ -n "${WITHME_SECRETS_ENV:-}" ]; then
    kube -n withme create secret generic withme-secrets --from-env-file="$WITHME_SECRETS_ENV"
  else
    # Offline adapters for everything; the scheduler trigger needs a token, and every pod one
    # master key for personal data.
    token="$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')"
    master="$(od -An -N32 -tx1 /dev/urandom | tr -d ' \n')"
    kube -n withme create secret generic withme-secrets --from-literal=CRON_TOKEN="$token" \
      --from-literal=WITHME_MASTER_KEY="$master"
  fi
fi

kube apply -k k8s/overlays/kind
# The tag stays withme:dev, so pods only pick up a new build when restarted.
kube -n withme rollout restart deployment/api deployment/projector deployment/worker
for workload in statefulset/postgres statefulset/eventstoredb deployment/redis \
  deployment/api deployment/projector deployment/worker; do
  kube -n withme rollout status "$workload" --timeout=300s
done

echo "withme is running: http://api.withme.local (add \"127.0.0.1 api.withme.local\" to /etc/hosts)"
