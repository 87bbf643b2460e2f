#!/usr/bin/env bash
# Makes what deploy/compose.yaml needs and never commits: deploy/.env (passwords, the token
# issuer's public key, the person-id secret) and deploy/secrets/ (the issuer's private key, a CA of
# this host with certificates for the compose containers, MongoDB's replica-set key file).
# A province uses its own PKI and secret store instead; this is for one host.
# Usage: deploy/compose/secrets.sh [dir]   (default: deploy/; refuses to overwrite what is there)
set -euo pipefail
LOG_PREFIX="[deploy/compose secrets]"
# shellcheck source-path=SCRIPTDIR source=../local/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../local/lib.sh"
need_tool openssl

OUT="${1:-$REPO_ROOT/deploy}"
ENV_FILE="$OUT/.env"
SECRETS="$OUT/secrets"
[[ -e "$ENV_FILE" || -e "$SECRETS" ]] &&
  die "$ENV_FILE or $SECRETS is already there: remove both to make new secrets (running containers keep the old ones)"
# The services, each with its own Kafka (SCRAM) and MongoDB user (deploy/compose.yaml's names).
SERVICES=(sample-collection lab-results case-graph reporting)

umask 077
mkdir -p "$SECRETS"
# Hex passwords: safe in a MongoDB connection string and a Kafka SCRAM configuration as they are.
password() { openssl rand -hex 24; }
env_name() { tr 'a-z-' 'A-Z_' <<<"$1"; }

# The token issuer's key pair (Ed25519): the private half for the issuer only (the console's
# AUTH_SIGNING_KEY, the operators' token tool), the services get the public half.
openssl genpkey -algorithm ed25519 -out "$SECRETS/issuer-key.pem"
openssl pkey -in "$SECRETS/issuer-key.pem" -pubout -out "$SECRETS/issuer-public.pem" 2>/dev/null

# Server certificates for every container's name (Kafka, MongoDB and the services' gRPC).
TLS_HOSTS="kafka,mongo,$(
  IFS=,
  echo "${SERVICES[*]}"
)" "$DEPLOY_DIR/certs.sh" "$SECRETS/tls" >/dev/null
# The CA's key and the client certificate stay out of the directory the containers mount.
mkdir -p "$SECRETS/ca"
mv "$SECRETS"/tls/{ca.key,ca.srl,client.crt,client.key,client.pem} "$SECRETS/ca/"
# The containers read the server's key through the group of this file (compose's group_add:
# TLS_GID); MongoDB's entrypoint copies its own, as root, since mongod drops supplementary groups.
chmod 0640 "$SECRETS"/tls/server.key "$SECRETS"/tls/server.pem
chmod 0644 "$SECRETS"/tls/*.crt
chmod 0750 "$SECRETS" "$SECRETS/tls"

# MongoDB's replica-set members authenticate each other with this key file.
openssl rand -base64 756 >"$SECRETS/mongo-keyfile"

{
  printf '# Made by deploy/compose/secrets.sh on %s. Never commit it.\n' "$(date -u +%Y-%m-%d)"
  printf "AUTH_PUBLIC_KEY='%s'\n" "$(awk '{printf "%s\\n", $0}' "$SECRETS/issuer-public.pem")"
  printf 'PERSON_ID_SECRET=%s\n' "$(openssl rand -hex 16)"
  printf 'TLS_GID=%s\n' "$(id -g)"
  printf 'MONGO_ROOT_PASSWORD=%s\n' "$(password)"
  for service in "${SERVICES[@]}"; do
    printf '%s_KAFKA_PASSWORD=%s\n' "$(env_name "$service")" "$(password)"
    printf '%s_MONGO_PASSWORD=%s\n' "$(env_name "$service")" "$(password)"
  done
} >"$ENV_FILE"
log "made $ENV_FILE and $SECRETS (the issuer's private key: issuer-key.pem; the CA's: ca/ca.key)"
