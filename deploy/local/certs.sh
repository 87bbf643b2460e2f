#!/usr/bin/env bash
# A certificate authority of this machine and certificates for 127.0.0.1 and localhost: the
# servers' (Kafka's SASL_SSL listener, FerretDB's TLS listener, the services' gRPC) and a client's
# (mutual TLS). For trying and testing encrypted links on one machine; never for production.
# Usage: deploy/local/certs.sh [dir]   (default $TRUYVET_LOCAL_DIR/tls; made once, then kept)
#   TLS_HOSTS: more host names for the certificates, comma-separated (deploy/compose's containers).
set -euo pipefail
LOG_PREFIX="[deploy/local certs]"
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

DIR="${1:-$TRUYVET_LOCAL_DIR/tls}"
[[ "$DIR" == /* ]] || DIR="$PWD/$DIR"
[[ -f "$DIR/.complete" ]] && {
  printf '%s\n' "$DIR"
  exit 0
}
need_tool openssl
SAN="IP:127.0.0.1,DNS:localhost"
IFS=',' read -r -a extra_hosts <<<"${TLS_HOSTS:-}"
for host in "${extra_hosts[@]}"; do
  [[ "$host" =~ ^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$ ]] || die "TLS_HOSTS: '$host' is not a host name"
  SAN="$SAN,DNS:$host"
done
# Made aside and moved in at once: Kafka and FerretDB start side by side and both ask for them.
mkdir -p "$(dirname "$DIR")"
WORK="$(mktemp -d "$DIR.making.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
# P-256 keys in PKCS#8 (what Kafka's PEM key store reads); the CA may sign certificates only.
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out ca.key 2>/dev/null
openssl req -x509 -new -key ca.key -sha256 -days 3650 -subj "/CN=truyvet local CA" \
  -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
  -out ca.crt 2>/dev/null
for name in server client; do
  usage=serverAuth
  [[ "$name" == client ]] && usage=clientAuth
  openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$name.key" 2>/dev/null
  openssl req -new -key "$name.key" -subj "/CN=truyvet local $name" -out "$name.csr" 2>/dev/null
  printf 'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=%s\nsubjectAltName=%s\n' \
    "$usage" "$SAN" >"$name.ext"
  openssl x509 -req -in "$name.csr" -CA ca.crt -CAkey ca.key -CAcreateserial -days 825 -sha256 \
    -extfile "$name.ext" -out "$name.crt" 2>/dev/null
  # Key and certificate in one file: Kafka's PEM key store wants them together.
  cat "$name.key" "$name.crt" >"$name.pem"
  rm -f "$name.csr" "$name.ext"
done
chmod 600 ./*.key ./*.pem
touch .complete
cd /
if mv -T "$WORK" "$DIR" 2>/dev/null; then
  log "certificates for 127.0.0.1 in $DIR (CA: ca.crt)"
elif [[ ! -f "$DIR/.complete" ]]; then
  die "could not put the certificates in $DIR (a leftover there? remove it and run again)"
fi # else another start made them first: theirs are kept
printf '%s\n' "$DIR"
