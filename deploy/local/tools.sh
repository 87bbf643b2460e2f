#!/usr/bin/env bash
# Real clients for checking the servers by hand and in tests, built from pinned Go modules into the
# cache. Usage: deploy/local/tools.sh grpcurl   (prints the binary's path on stdout)
set -euo pipefail
LOG_PREFIX="[deploy/local tools]"
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

GRPCURL_VERSION=v1.9.4

install_grpcurl() {
  local dir="$TRUYVET_CACHE_DIR/tools/grpcurl-$GRPCURL_VERSION"
  if [[ ! -x "$dir/grpcurl" ]]; then
    need_tool go
    log "building grpcurl $GRPCURL_VERSION (first time only)"
    local tmp
    mkdir -p "$TRUYVET_CACHE_DIR/tools"
    tmp="$(mktemp -d "$TRUYVET_CACHE_DIR/tools/.grpcurl.XXXXXX")"
    GOBIN="$tmp" CGO_ENABLED=0 GOFLAGS=-mod=mod go install "github.com/fullstorydev/grpcurl/cmd/grpcurl@$GRPCURL_VERSION" >&2
    rm -rf "$dir"
    mv "$tmp" "$dir"
  fi
  echo "$dir/grpcurl"
}

case "${1:-}" in
  grpcurl) install_grpcurl ;;
  *)
    echo "usage: $0 grpcurl" >&2
    exit 2
    ;;
esac
