# shellcheck shell=bash
# Helpers shared by the deploy/local scripts. Source it; do not run it.
#
# Environment (all optional):
#   TRUYVET_CACHE_DIR      installs (Kafka jars, FerretDB binary); default ${XDG_CACHE_HOME:-$HOME/.cache}/truyvet
#   TRUYVET_LOCAL_DIR      data, logs and pid files; default <repo>/.local/servers
#   KAFKA_PORT             broker listener port (default 9092)
#   KAFKA_CONTROLLER_PORT  KRaft controller port (default 9093)
#   KAFKA_HEAP_OPTS        JVM heap options for the broker (default "-Xmx512m -Xms256m")
#   FERRETDB_PORT          MongoDB-wire port (default 27017)

DEPLOY_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$DEPLOY_DIR/../.." && pwd)"

TRUYVET_CACHE_DIR="${TRUYVET_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/truyvet}"
TRUYVET_LOCAL_DIR="${TRUYVET_LOCAL_DIR:-$REPO_ROOT/.local/servers}"
KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
KAFKA_HEAP_OPTS="${KAFKA_HEAP_OPTS:--Xmx512m -Xms256m}"
FERRETDB_PORT="${FERRETDB_PORT:-27017}"
export TRUYVET_CACHE_DIR TRUYVET_LOCAL_DIR KAFKA_PORT KAFKA_CONTROLLER_PORT KAFKA_HEAP_OPTS FERRETDB_PORT

LOG_PREFIX="${LOG_PREFIX:-[deploy/local]}"

log() { printf '%s %s\n' "$LOG_PREFIX" "$*" >&2; }
die() {
  log "error: $*"
  exit 1
}

# need_tool NAME: fail with a clear message when NAME is not on PATH.
need_tool() {
  local tool="$1" why
  command -v "$tool" >/dev/null 2>&1 && return 0
  case "$tool" in
    java) why="to run the Kafka broker and format its storage (install a JDK, 17 or newer)" ;;
    mvn) why="to fetch the pinned Kafka jars on first install (install Apache Maven 3.8+)" ;;
    go) why="to build the FerretDB server on first install (install Go 1.22+)" ;;
    node) why="to probe server readiness with deploy/local/probe.mjs (install Node.js 20)" ;;
    *) why="by deploy/local" ;;
  esac
  die "'$tool' not found on PATH; it is needed $why"
}

check_port_number() { # NAME VALUE
  if ! [[ "$2" =~ ^[0-9]+$ ]] || (($2 < 1 || $2 > 65535)); then
    die "$1 must be a TCP port number, got '$2'"
  fi
}

# sha256 of the concatenated files, first 16 hex digits.
hash_files() {
  local sum
  if command -v sha256sum >/dev/null 2>&1; then
    sum="$(cat "$@" | sha256sum)"
  elif command -v shasum >/dev/null 2>&1; then
    sum="$(cat "$@" | shasum -a 256)"
  else
    sum="$(cat "$@" | openssl dgst -sha256 -r)"
  fi
  printf '%s\n' "${sum:0:16}"
}

# Paths removed when the script exits (temp install dirs), and the lock we hold, if any.
_CLEANUP=()
_LOCK=""
_cleanup() {
  local p
  for p in ${_CLEANUP[@]+"${_CLEANUP[@]}"}; do rm -rf -- "$p"; done
  if [[ -n "$_LOCK" ]]; then rm -rf -- "$_LOCK"; fi
}
trap _cleanup EXIT

# lock STATE_DIR: serialize start/stop/wipe of one server (mkdir is atomic; works without flock).
# Re-entrant within a script; a lock left by a dead process is taken over.
lock() {
  local dir="$1/.lock" owner i
  [[ -n "$_LOCK" ]] && return 0
  mkdir -p "$1"
  for ((i = 0; i < 3000; i++)); do
    if mkdir "$dir" 2>/dev/null; then
      _LOCK="$dir"
      echo "$$" >"$dir/pid"
      return 0
    fi
    owner="$(cat "$dir/pid" 2>/dev/null || true)"
    if [[ "$owner" =~ ^[0-9]+$ ]] && ! kill -0 "$owner" 2>/dev/null; then
      rm -rf -- "$dir"
      continue
    fi
    ((i % 100 == 99)) && log "waiting for another start/stop to finish (lock $dir)"
    sleep 0.1
  done
  die "timed out waiting for lock $dir; remove it if no other deploy/local script is running"
}
unlock() {
  if [[ -n "$_LOCK" ]]; then rm -rf -- "$_LOCK"; fi
  _LOCK=""
}

# cache_install FINAL_DIR BUILD_FUNCTION: idempotent install into FINAL_DIR.
# BUILD_FUNCTION is called with a fresh temp dir (next to FINAL_DIR) to fill; on success the temp dir
# gets a completion marker and is renamed into place, so readers never see a half-built install.
cache_install() {
  local final="$1" build="$2" tmp
  [[ -f "$final/.complete" ]] && return 0
  mkdir -p "$(dirname "$final")"
  if [[ -e "$final" ]]; then
    log "removing incomplete install $final"
    rm -rf -- "$final"
  fi
  tmp="$(mktemp -d "$final.tmp.XXXXXX")"
  _CLEANUP+=("$tmp")
  chmod 755 "$tmp"
  "$build" "$tmp"
  date -u +%Y-%m-%dT%H:%M:%SZ >"$tmp/.complete"
  if [[ -f "$final/.complete" ]]; then
    return 0 # a concurrent install finished first; ours is discarded on exit
  fi
  mv "$tmp" "$final" 2>/dev/null || true
  # If another install created $final in between, mv moved ours inside it: drop that copy.
  rm -rf -- "${final:?}/$(basename "$tmp")"
  [[ -f "$final/.complete" ]] || die "install into $final failed"
}

# ---- processes -------------------------------------------------------------------------------------

# pid_alive PIDFILE PATTERN: print the pid and succeed when PIDFILE names a live process whose command
# line contains PATTERN (guards against a stale pid file whose pid was reused).
pid_alive() {
  local pidfile="$1" pattern="$2" pid args
  [[ -f "$pidfile" ]] || return 1
  pid="$(head -n1 "$pidfile" 2>/dev/null || true)"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  if command -v ps >/dev/null 2>&1; then
    args="$(ps -ww -p "$pid" -o args= 2>/dev/null || true)"
    [[ "$args" == *"$pattern"* ]] || return 1
  fi
  printf '%s\n' "$pid"
}

# port_open PORT: something accepts TCP connections on 127.0.0.1:PORT.
port_open() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# probe_quiet KIND ADDR: one protocol probe; on failure print the reason on stdout.
probe_quiet() {
  if ! command -v node >/dev/null 2>&1; then
    port_open "${2##*:}" || { echo "port ${2##*:} closed" && return 1; }
    echo "node not found, only checked that the port is open" && return 0
  fi
  # shellcheck disable=SC2069 # on purpose: keep the reason (stderr), drop the success line (stdout)
  node "$DEPLOY_DIR/probe.mjs" "$1" "$2" 2>&1 >/dev/null
}

# Best-effort description of who listens on PORT.
port_owner() {
  local out=""
  if command -v ss >/dev/null 2>&1; then
    out="$(ss -Hltnp "sport = :$1" 2>/dev/null | grep -o 'users:(([^)]*))' | head -n1 |
      sed 's/users:(("\([^"]*\)",pid=\([0-9]*\).*/\1 (pid \2)/' || true)"
  fi
  if [[ -z "$out" ]] && command -v lsof >/dev/null 2>&1; then
    out="$(lsof -nP -iTCP:"$1" -sTCP:LISTEN 2>/dev/null | awk 'NR==2 {print $1 " (pid " $2 ")"}' || true)"
  fi
  printf '%s\n' "${out:-unknown process}"
}

require_free_port() { # PORT WHAT
  if port_open "$1"; then
    die "port $1 ($2) is already in use by $(port_owner "$1"), not by a server from $TRUYVET_LOCAL_DIR; stop it or choose another port (see deploy/local/README.md)"
  fi
}

# Wall-clock time with 0.1 s resolution where bash can tell (EPOCHREALTIME needs bash 5).
_now_ds() {
  if [[ -n "${EPOCHREALTIME:-}" ]]; then
    local t="${EPOCHREALTIME/[.,]/}"
    echo $((10#$t / 100000))
  else
    echo $((SECONDS * 10))
  fi
}
_SPAWNED_AT=""
elapsed_since_spawn() {
  local d=$(($(_now_ds) - _SPAWNED_AT))
  printf '%d.%d\n' $((d / 10)) $((d % 10))
}

# spawn PIDFILE OUTFILE CMD...: start CMD detached from this shell (own session, immune to SIGHUP),
# stdout+stderr appended to OUTFILE. The child writes its own pid, so the pid file is right even when
# setsid has to fork.
spawn() {
  local pidfile="$1" out="$2" i
  shift 2
  rm -f -- "$pidfile"
  _SPAWNED_AT="$(_now_ds)"
  local launcher=(nohup)
  if command -v setsid >/dev/null 2>&1; then launcher=(setsid nohup); fi
  # shellcheck disable=SC2016 # expanded by the child shell
  "${launcher[@]}" bash -c 'echo "$$" >"$0.tmp" && mv "$0.tmp" "$0" && exec "$@"' "$pidfile" "$@" \
    >>"$out" 2>&1 </dev/null &
  for ((i = 0; i < 100; i++)); do
    [[ -s "$pidfile" ]] && return 0
    sleep 0.05
  done
  die "process did not start (no pid file $pidfile); see $out"
}

# stop_pid NAME PIDFILE PATTERN: SIGTERM, wait up to 30 s, then SIGKILL. Idempotent.
stop_pid() {
  local name="$1" pidfile="$2" pattern="$3" pid i
  if ! pid="$(pid_alive "$pidfile" "$pattern")"; then
    rm -f -- "$pidfile"
    log "$name is not running"
    return 0
  fi
  log "stopping $name (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < 300; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$pid" 2>/dev/null; then
    log "$name did not stop within 30 s; sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    for ((i = 0; i < 50; i++)); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
  fi
  rm -f -- "$pidfile"
  log "$name stopped"
}

# mark_logs FILE...: remember the current sizes, so that show_log_tail prints only what came after.
_MARK_FILES=()
_MARK_SIZES=()
mark_logs() {
  local f
  for f in "$@"; do
    _MARK_FILES+=("$f")
    if [[ -f "$f" ]]; then _MARK_SIZES+=("$(wc -c <"$f" | tr -d ' ')"); else _MARK_SIZES+=(0); fi
  done
}

# show_log_tail FILE...: print the last 40 lines of each file (written since mark_logs, if called).
show_log_tail() {
  local f i from
  for f in "$@"; do
    from=0
    for i in "${!_MARK_FILES[@]}"; do
      [[ "${_MARK_FILES[$i]}" == "$f" ]] && from="${_MARK_SIZES[$i]}"
    done
    [[ -f "$f" ]] || continue
    (($(wc -c <"$f") > from)) || continue
    log "last 40 lines of $f:"
    tail -c "+$((from + 1))" "$f" | tail -n 40 >&2
  done
}

# wait_ready NAME PIDFILE PATTERN PROBE_KIND ADDR TIMEOUT LOGFILE...: poll the real protocol every 500 ms
# until it answers; fail early if the process dies. On failure print the log tails.
wait_ready() {
  local name="$1" pidfile="$2" pattern="$3" kind="$4" addr="$5" timeout="$6" start now reason
  shift 6
  start=$SECONDS
  while true; do
    if reason="$(probe_quiet "$kind" "$addr")"; then
      if [[ -n "$_SPAWNED_AT" ]]; then
        log "$name is ready on $addr ($(elapsed_since_spawn) s after launch)"
      else
        log "$name is ready on $addr"
      fi
      return 0
    fi
    if ! pid_alive "$pidfile" "$pattern" >/dev/null; then
      rm -f -- "$pidfile"
      log "$name exited during startup"
      show_log_tail "$@"
      exit 1
    fi
    now=$SECONDS
    if ((now - start >= timeout)); then
      log "$name did not answer on $addr within $timeout s (last probe: $reason)"
      show_log_tail "$@"
      stop_pid "$name" "$pidfile" "$pattern"
      exit 1
    fi
    sleep 0.5
  done
}

# shellcheck disable=SC2153 # STATE, PIDFILE, PATTERN, DATA: set by the calling script
# The stop/wipe/status commands both servers share. They use the calling script's STATE, PIDFILE,
# PATTERN and DATA, and its recorded_port function.

# server_stop NAME LABEL [--wipe]
server_stop() {
  lock "$STATE"
  stop_pid "$1" "$PIDFILE" "$PATTERN"
  if [[ "${3:-}" == --wipe ]]; then server_wipe "$2"; fi
}

# server_wipe LABEL: delete the data dir, only when the server is stopped.
server_wipe() {
  lock "$STATE"
  if pid_alive "$PIDFILE" "$PATTERN" >/dev/null; then
    die "$1 is running; stop it before wiping $DATA"
  fi
  rm -rf -- "$DATA"
  log "wiped $DATA"
}

# server_status NAME VERSION PROBE_KIND DEFAULT_PORT LOGS: exit 0 when running, 3 when not.
server_status() {
  local name="$1" version="$2" kind="$3" default_port="$4" logs="$5" pid port reason
  if pid="$(pid_alive "$PIDFILE" "$PATTERN")"; then
    port="$(recorded_port)"
    if reason="$(probe_quiet "$kind" "127.0.0.1:$port")"; then
      echo "$name $version: running (pid $pid) on 127.0.0.1:$port, ready"
    else
      echo "$name $version: running (pid $pid) on 127.0.0.1:$port, NOT answering: $reason"
    fi
    echo "  logs: $logs"
    echo "  data: $DATA"
    return 0
  fi
  echo "$name $version: not running (port $default_port)"
  echo "  logs: $logs"
  echo "  data: $DATA"
  return 3
}

# recorded_port_of VAR DEFAULT: the port the running server was started with (from PORTS_FILE).
recorded_port_of() {
  local p=""
  [[ -f "$PORTS_FILE" ]] && p="$(sed -n "s/^$1=//p" "$PORTS_FILE")"
  printf '%s\n' "${p:-$2}"
}

# server_already_running LABEL PROBE_KIND PORT LOGS (with the lock held): 0 when the server runs and
# answers (the lock is released), 1 when it is not running, 2 when it runs but does not answer yet.
# Dies when it runs on another port than asked.
server_already_running() {
  local label="$1" kind="$2" port="$3" logs="$4" pid running_port
  pid="$(pid_alive "$PIDFILE" "$PATTERN")" || return 1
  running_port="$(recorded_port)"
  if [[ "$running_port" != "$port" ]]; then
    die "$label from $STATE is already running on port $running_port (pid $pid), not $port; stop it first or use another TRUYVET_LOCAL_DIR"
  fi
  if node "$DEPLOY_DIR/probe.mjs" "$kind" "127.0.0.1:$port" >/dev/null 2>&1; then
    unlock
    log "already running (pid $pid) on 127.0.0.1:$port; logs: $logs"
    return 0
  fi
  log "running (pid $pid) but not answering yet; waiting"
  return 2
}
