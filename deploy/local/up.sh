#!/usr/bin/env bash
# Install (if needed) and start Kafka and FerretDB, waiting until both answer.
# Usage: deploy/local/up.sh [--print-env]
#   --print-env  print only KAFKA_BROKERS=..., MONGODB_URI=... and the encrypted endpoints (LOCAL_*:
#                the certificates' directory, Kafka's SASL_SSL listener and its user, FerretDB's TLS
#                listener, where clients present LOCAL_TLS_DIR/client.pem) on stdout (the rest on stderr),
#                e.g.  eval "$(deploy/local/up.sh --print-env)"  or  deploy/local/up.sh --print-env >> .env
set -euo pipefail
LOG_PREFIX="[deploy/local up]"
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

print_env=false
for arg in "$@"; do
  case "$arg" in
    --print-env) print_env=true ;;
    *)
      echo "usage: $0 [--print-env]" >&2
      exit 2
      ;;
  esac
done

# run_both CMD: run "kafka.sh CMD" and "ferretdb.sh CMD" in parallel, fail if either fails.
run_both() {
  local kpid fpid rc=0
  "$DEPLOY_DIR/kafka.sh" "$1" >&2 &
  kpid=$!
  "$DEPLOY_DIR/ferretdb.sh" "$1" >&2 &
  fpid=$!
  wait "$kpid" || rc=1
  wait "$fpid" || rc=1
  return "$rc"
}

t0=$SECONDS
tls_dir="$("$DEPLOY_DIR/certs.sh")" || die "could not make the local certificates"
run_both install || die "install failed (see above)"
run_both start || die "start failed (see above); stop what did start with deploy/local/down.sh"
log "both servers ready in $((SECONDS - t0)) s"

versions="$("$DEPLOY_DIR/kafka.sh" version), $("$DEPLOY_DIR/ferretdb.sh" version)"
# The encrypted and authenticated endpoints, under names no service reads (LOCAL_*), so that
# exporting every line leaves the services on the plain ones unless told.
env_lines="KAFKA_BROKERS=127.0.0.1:$KAFKA_PORT
MONGODB_URI=mongodb://127.0.0.1:$FERRETDB_PORT/
LOCAL_TLS_DIR=$tls_dir
LOCAL_KAFKA_SASL_SSL_BROKERS=127.0.0.1:${KAFKA_SASL_SSL_PORT:-$((KAFKA_PORT + 2))}
LOCAL_KAFKA_SASL_USERNAME=truyvet
LOCAL_KAFKA_SASL_PASSWORD=$("$DEPLOY_DIR/kafka.sh" sasl-password)
LOCAL_MONGODB_TLS_ADDRESS=127.0.0.1:${FERRETDB_TLS_PORT:-$((FERRETDB_PORT + 1))}"
if $print_env; then
  log "$versions"
  printf '%s\n' "$env_lines"
else
  # The Kafka user's password only where asked for (--print-env), not on a terminal.
  printf '%s\n%s\n' "$versions" "$(sed 's/^\(LOCAL_KAFKA_SASL_PASSWORD=\).*/\1(kafka.sh sasl-password)/' <<<"$env_lines")"
  log "data, logs and pid files: $TRUYVET_LOCAL_DIR; stop with deploy/local/down.sh"
fi
