#!/usr/bin/env bash
# A real MongoDB-wire server: FerretDB (SQLite backend) embedded in deploy/local/ferretdb/main.go, no Docker.
# Usage: deploy/local/ferretdb.sh {install|start|stop [--wipe]|status|version|wipe}
set -euo pipefail
LOG_PREFIX="[deploy/local ferretdb]"
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

SRC="$DEPLOY_DIR/ferretdb"
FERRETDB_VERSION="$(awk '$1 == "require" && $2 == "github.com/FerretDB/FerretDB" { print $3 }
  $1 == "github.com/FerretDB/FerretDB" { print $2 }' "$SRC/go.mod" | head -n1)"
[[ -n "$FERRETDB_VERSION" ]] || die "cannot read the FerretDB version from $SRC/go.mod"
PATCHES=("$SRC"/patches/*.patch)
FERRETDB_INSTALL="$TRUYVET_CACHE_DIR/ferretdb-$(hash_files "$SRC/go.mod" "$SRC/go.sum" "$SRC/main.go" "${PATCHES[@]}")"
BIN="$FERRETDB_INSTALL/ferretdb"

STATE="$TRUYVET_LOCAL_DIR/ferretdb"
DATA="$STATE/data"
LOGS="$STATE/logs"
LOG="$LOGS/ferretdb.log"
PIDFILE="$STATE/ferretdb.pid"
PORTS_FILE="$STATE/ports"
PATTERN="-sqlite-dir $DATA -log-level"
START_TIMEOUT="${FERRETDB_START_TIMEOUT:-60}"
LOG_LEVEL="${FERRETDB_LOG_LEVEL:-warn}"
check_port_number FERRETDB_PORT "$FERRETDB_PORT"
# The TLS listener (clients present a certificate of deploy/local/certs.sh's CA) next to the plain one.
FERRETDB_TLS_PORT="${FERRETDB_TLS_PORT:-$((FERRETDB_PORT + 1))}"
check_port_number FERRETDB_TLS_PORT "$FERRETDB_TLS_PORT"
TLS_DIR="$TRUYVET_LOCAL_DIR/tls"

usage() {
  cat >&2 <<EOF
usage: $0 {install|start|stop [--wipe]|status|version|wipe}
  install   build FerretDB $FERRETDB_VERSION into $BIN (once per go.mod/go.sum/main.go)
  start     install if needed, start and wait until it answers a MongoDB 'hello'
  stop      SIGTERM, then SIGKILL after 30 s; --wipe also deletes the data dir
  status    exit 0 if running, 3 if not
  version   print the pinned version
  wipe      delete the data dir (only when stopped)
EOF
  exit 2
}

build() { # TMPDIR
  need_tool go
  need_tool patch
  log "building FerretDB $FERRETDB_VERSION with Go (first install only; ~1 min on a cold module cache)"
  # Build from a copy so that -mod=mod can never rewrite the pinned go.mod/go.sum in the repo.
  mkdir "$1/src"
  cp "$SRC/go.mod" "$SRC/go.sum" "$SRC/main.go" "$1/src/"
  # The module, patched (patches/*.patch: _id lookups from the index, upstream #3235 and #3340;
  # an update command of many statements answers),
  # replaces the pinned one: a copy of the module cache's read-only tree, patched in place.
  local module
  module=$(cd "$1/src" && GOWORK=off GOFLAGS="${GOFLAGS:+$GOFLAGS }-mod=mod" \
    go mod download -json "github.com/FerretDB/FerretDB@$FERRETDB_VERSION" |
    sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p') || die "go mod download of FerretDB $FERRETDB_VERSION failed"
  [[ -n "$module" && -d "$module" ]] || die "FerretDB $FERRETDB_VERSION is not in the Go module cache"
  cp -R "$module" "$1/src/ferretdb-module"
  chmod -R u+w "$1/src/ferretdb-module"
  local p
  for p in "${PATCHES[@]}"; do
    log "applying $(basename "$p")"
    patch -s -p1 -d "$1/src/ferretdb-module" <"$p" || die "patch $(basename "$p") does not apply to FerretDB $FERRETDB_VERSION"
  done
  (cd "$1/src" && GOWORK=off go mod edit -replace "github.com/FerretDB/FerretDB=./ferretdb-module")
  (cd "$1/src" && CGO_ENABLED=0 GOWORK=off GOFLAGS="${GOFLAGS:+$GOFLAGS }-mod=mod" \
    go build -trimpath -ldflags='-s -w' -o "$1/ferretdb" .) ||
    die "go build of FerretDB failed (see its output above)"
  rm -rf -- "$1/src"
  printf '%s (patched: %s)\n' "$FERRETDB_VERSION" "$(cd "$SRC/patches" && echo *.patch)" >"$1/VERSION"
}

cmd_install() {
  if [[ -f "$FERRETDB_INSTALL/.complete" ]]; then
    log "FerretDB $FERRETDB_VERSION already installed in $FERRETDB_INSTALL"
    return 0
  fi
  local t0=$SECONDS
  cache_install "$FERRETDB_INSTALL" build
  log "installed FerretDB $FERRETDB_VERSION in $FERRETDB_INSTALL ($((SECONDS - t0)) s)"
}

recorded_port() { recorded_port_of FERRETDB_PORT "$FERRETDB_PORT"; }

cmd_start() {
  need_tool node
  lock "$STATE"
  local running=0
  server_already_running FerretDB mongo "$FERRETDB_PORT" "$LOG" || running=$?
  if ((running == 0)); then return 0; fi
  if ((running == 1)); then
    rm -f -- "$PIDFILE"
    require_free_port "$FERRETDB_PORT" FERRETDB_PORT
    require_free_port "$FERRETDB_TLS_PORT" FERRETDB_TLS_PORT
    [[ -f "$FERRETDB_INSTALL/.complete" ]] || cmd_install
    "$DEPLOY_DIR/certs.sh" "$TLS_DIR" >/dev/null
    mkdir -p "$DATA" "$LOGS"
    printf 'FERRETDB_PORT=%s\n' "$FERRETDB_PORT" >"$PORTS_FILE"
    mark_logs "$LOG"
    printf '=== %s starting FerretDB %s on 127.0.0.1:%s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$FERRETDB_VERSION" "$FERRETDB_PORT" >>"$LOG"
    spawn "$PIDFILE" "$LOG" "$BIN" -listen-addr "127.0.0.1:$FERRETDB_PORT" -sqlite-dir "$DATA" -log-level "$LOG_LEVEL" \
      -listen-tls "127.0.0.1:$FERRETDB_TLS_PORT" -tls-cert-file "$TLS_DIR/server.crt" \
      -tls-key-file "$TLS_DIR/server.key" -tls-ca-file "$TLS_DIR/ca.crt"
    log "started (pid $(head -n1 "$PIDFILE")), waiting up to $START_TIMEOUT s for 127.0.0.1:$FERRETDB_PORT"
  fi
  unlock
  wait_ready ferretdb "$PIDFILE" "$PATTERN" mongo "127.0.0.1:$FERRETDB_PORT" "$START_TIMEOUT" "$LOG"
  log "logs: $LOG"
}

cmd_stop() { server_stop ferretdb FerretDB "${1:-}"; }
cmd_wipe() { server_wipe FerretDB; }
cmd_status() { server_status ferretdb "$FERRETDB_VERSION" mongo "$FERRETDB_PORT" "$LOG"; }

case "${1:-}" in
  install) cmd_install ;;
  start) cmd_start ;;
  stop)
    [[ $# -le 1 || "$2" == --wipe ]] || usage
    cmd_stop "${2:-}"
    ;;
  status) cmd_status ;;
  version) echo "ferretdb $FERRETDB_VERSION (sqlite, patched: $(for p in "${PATCHES[@]}"; do basename "$p" .patch; done | paste -sd, - | sed 's/,/, /g'))" ;;
  wipe) cmd_wipe ;;
  *) usage ;;
esac
