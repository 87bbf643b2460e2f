#!/usr/bin/env bash
# Show whether Kafka and FerretDB are running. Exit 0 if both are, 3 otherwise.
set -euo pipefail
LOG_PREFIX="[deploy/local status]"
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

rc=0
"$DEPLOY_DIR/kafka.sh" status || rc=3
"$DEPLOY_DIR/ferretdb.sh" status || rc=3
exit "$rc"
