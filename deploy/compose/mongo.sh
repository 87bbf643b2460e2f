#!/usr/bin/env bash
# deploy/compose.yaml's MongoDB (run by the mongo image as root, in place of its entrypoint): TLS
# required on every connection, users required (the image makes the root user on first start and
# runs mongo-users.js, a user per service), a replica set of one whose members authenticate each
# other with a key file. mongod refuses a key file others can read, and drops the supplementary
# group the compose file gives the other containers, so the key file, the server's key and the CA
# are copied here with its own user as their owner, then the image's entrypoint starts mongod.
set -euo pipefail
SECRETS=/run/truyvet/secrets
TLS=/run/truyvet/tls
OWN=/run/truyvet-mongo
for file in "$SECRETS/mongo-keyfile" "$TLS/server.pem" "$TLS/ca.crt"; do
  [[ -r "$file" ]] || {
    printf '[compose mongo] error: cannot read %s (deploy/compose/secrets.sh makes it)\n' "$file" >&2
    exit 1
  }
done
install -d -o mongodb -g mongodb -m 0700 "$OWN"
install -o mongodb -g mongodb -m 0400 "$SECRETS/mongo-keyfile" "$OWN/keyfile"
install -o mongodb -g mongodb -m 0400 "$TLS/server.pem" "$OWN/server.pem"
# The CA too: mongod runs as its own user, which cannot enter the mounted directory.
install -o mongodb -g mongodb -m 0444 "$TLS/ca.crt" "$OWN/ca.crt"
# Clients authenticate with SCRAM users, not certificates; the CA checks the members' certificates.
exec docker-entrypoint.sh mongod --replSet rs0 --bind_ip_all --keyFile "$OWN/keyfile" \
  --tlsMode requireTLS --tlsCertificateKeyFile "$OWN/server.pem" --tlsCAFile "$OWN/ca.crt" \
  --tlsAllowConnectionsWithoutCertificates
