#!/usr/bin/env bash
# Runs the Indexed Job, waits for every index to complete, then runs the merge Job.
#   deploy/kubernetes/run-sharded.sh [namespace]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd); ns=${1:-default}
kubectl -n "$ns" apply -f "$here/analyze-indexed-job.yaml"
kubectl -n "$ns" wait --for=condition=complete --timeout=24h job/superposition-shards
kubectl -n "$ns" apply -f "$here/merge-job.yaml"
kubectl -n "$ns" wait --for=condition=complete --timeout=2h job/superposition-merge
