#!/usr/bin/env bash
# Stop Kafka and FerretDB. Idempotent.
# Usage: deploy/local/down.sh [--wipe]   (--wipe also deletes their data dirs)
set -euo pipefail
LOG_PREFIX="[deploy/local down]"
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

wipe=()
for arg in "$@"; do
  case "$arg" in
    --wipe) wipe=(--wipe) ;;
    *)
      echo "usage: $0 [--wipe]" >&2
      exit 2
      ;;
  esac
done

rc=0
"$DEPLOY_DIR/kafka.sh" stop ${wipe[@]+"${wipe[@]}"} &
kpid=$!
"$DEPLOY_DIR/ferretdb.sh" stop ${wipe[@]+"${wipe[@]}"} &
fpid=$!
wait "$kpid" || rc=1
wait "$fpid" || rc=1
exit "$rc"
