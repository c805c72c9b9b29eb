#!/usr/bin/env bash
# Creates a local kind cluster whose ingress answers on this machine's ports 80 and 443, and installs
# the NGINX ingress controller into it. Safe to run again: an existing cluster is kept.
set -euo pipefail

CLUSTER_NAME="${CLUSTER_NAME:-withme}"
INGRESS_NGINX_VERSION="${INGRESS_NGINX_VERSION:-controller-v1.12.1}"
CONTEXT="kind-${CLUSTER_NAME}"

for tool in kind kubectl docker; do
  command -v "$tool" >/dev/null 2>&1 || { echo "kind-create: $tool is not installed" >&2; exit 1; }
done

if kind get clusters 2>/dev/null | grep -qx "$CLUSTER_NAME"; then
  echo "kind cluster ${CLUSTER_NAME} already exists"
else
  kind create cluster --name "$CLUSTER_NAME" --config - <<'YAML'
kind: Cluster
apiVersion: kind.x-k8s.io/v1alpha4
nodes:
  - role: control-plane
    kubeadmConfigPatches:
      - |
        kind: InitConfiguration
        nodeRegistration:
          kubeletExtraArgs:
            node-labels: "ingress-ready=true"
    extraPortMappings:
      - containerPort: 80
        hostPort: 80
        protocol: TCP
      - containerPort: 443
        hostPort: 443
        protocol: TCP
YAML
fi

kubectl --context "$CONTEXT" apply -f \
  "https://raw.githubusercontent.com/kubernetes/ingress-nginx/${INGRESS_NGINX_VERSION}/deploy/static/provider/kind/deploy.yaml"
kubectl --context "$CONTEXT" -n ingress-nginx wait --for=condition=ready pod \
  --selector=app.kubernetes.io/component=controller --timeout=300s

echo "kind cluster ${CLUSTER_NAME} is ready; deploy with k8s/scripts/deploy-kind.sh"
