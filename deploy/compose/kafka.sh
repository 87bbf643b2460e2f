#!/usr/bin/env bash
# deploy/compose.yaml's broker (the apache/kafka image runs it in place of its own start): one
# KRaft node whose only listener other containers reach is SASL_SSL (TLS, SCRAM-SHA-512 users, one
# per service). The controller and a plaintext listener for this script's own admin commands and
# the health check are bound to the container's loopback, so nothing outside it reaches them.
# The service users are (re)set on every start from the environment, so a password changed in
# deploy/.env applies at the next start; the health check reports healthy only after that.
#
# Environment: KAFKA_USERS (names, space-separated) and <NAME>_KAFKA_PASSWORD for each (NAME in
# capitals, '-' as '_'); optional KAFKA_ADVERTISED_HOST (kafka), KAFKA_PORT (9092),
# KAFKA_CONTROLLER_PORT (9093), KAFKA_LOOPBACK_PORT (9094), KAFKA_DATA_DIR, KAFKA_TLS_DIR,
# KAFKA_STATE_DIR. KAFKA_CLASSPATH runs the broker's classes with `java -cp` instead of the image's
# /opt/kafka/bin scripts (the tests run this script on the machine's own Kafka jars).
set -euo pipefail

HOST="${KAFKA_ADVERTISED_HOST:-kafka}"
PORT="${KAFKA_PORT:-9092}"
CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
LOOPBACK_PORT="${KAFKA_LOOPBACK_PORT:-9094}"
DATA="${KAFKA_DATA_DIR:-/var/lib/kafka/data}"
TLS="${KAFKA_TLS_DIR:-/run/truyvet/tls}"
STATE="${KAFKA_STATE_DIR:-/tmp/truyvet-kafka}"
PROPS="$STATE/server.properties"
READY="$STATE/users-ready"

log() { printf '[compose kafka] %s\n' "$*" >&2; }
die() {
  log "error: $*"
  exit 1
}

# run_class CLASS ARGS...: one of the broker's command-line classes.
run_class() {
  if [[ -n "${KAFKA_CLASSPATH:-}" ]]; then
    java -cp "$KAFKA_CLASSPATH" "$@"
  else
    /opt/kafka/bin/kafka-run-class.sh "$@"
  fi
}

read -r -a users <<<"${KAFKA_USERS:-}"
((${#users[@]} > 0)) || die "KAFKA_USERS names no user: the SASL_SSL listener would let nobody in"
for user in "${users[@]}"; do
  variable="$(tr 'a-z-' 'A-Z_' <<<"$user")_KAFKA_PASSWORD"
  [[ -n "${!variable:-}" ]] || die "$variable is not set (deploy/compose/secrets.sh makes it)"
done
for file in server.pem ca.crt; do
  [[ -r "$TLS/$file" ]] || die "cannot read $TLS/$file (deploy/compose/secrets.sh makes it; TLS_GID its group)"
done

mkdir -p "$STATE" "$DATA"
rm -f "$READY"
umask 077
cat >"$PROPS" <<EOF
# Written by deploy/compose/kafka.sh at each start.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$CONTROLLER_PORT
listeners=SASL_SSL://0.0.0.0:$PORT,LOOPBACK://127.0.0.1:$LOOPBACK_PORT,CONTROLLER://127.0.0.1:$CONTROLLER_PORT
advertised.listeners=SASL_SSL://$HOST:$PORT,LOOPBACK://127.0.0.1:$LOOPBACK_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=LOOPBACK
listener.security.protocol.map=SASL_SSL:SASL_SSL,LOOPBACK:PLAINTEXT,CONTROLLER:PLAINTEXT
sasl.enabled.mechanisms=SCRAM-SHA-512
listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required;
ssl.keystore.type=PEM
ssl.keystore.location=$TLS/server.pem
ssl.truststore.type=PEM
ssl.truststore.location=$TLS/ca.crt
# One broker: replication factor 1 (a province runs three, deploy/k8s).
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=false
log.dirs=$DATA
EOF

if [[ ! -f "$DATA/meta.properties" ]]; then
  log "formatting new storage in $DATA"
  cluster_id="$(run_class kafka.tools.StorageTool random-uuid)"
  run_class kafka.tools.StorageTool format -t "$cluster_id" -c "$PROPS" >&2
fi

broker=""
stop_broker() {
  [[ -n "$broker" ]] && kill -TERM "$broker" 2>/dev/null
}
trap stop_broker TERM INT
# shellcheck disable=SC2086 # KAFKA_HEAP_OPTS holds several JVM options
if [[ -n "${KAFKA_CLASSPATH:-}" ]]; then
  java ${KAFKA_HEAP_OPTS:--Xmx512m} -cp "$KAFKA_CLASSPATH" kafka.Kafka "$PROPS" &
else
  KAFKA_HEAP_OPTS="${KAFKA_HEAP_OPTS:--Xmx512m}" /opt/kafka/bin/kafka-server-start.sh "$PROPS" &
fi
broker=$!

# Each service's SCRAM user, through the loopback listener once the broker answers there. The
# password goes in a file only this user reads, not on a command line.
set_users() {
  local user variable config="$STATE/user.properties" tries
  for user in "${users[@]}"; do
    variable="$(tr 'a-z-' 'A-Z_' <<<"$user")_KAFKA_PASSWORD"
    printf 'SCRAM-SHA-512=iterations=8192,password=%s\n' "${!variable}" >"$config"
    for ((tries = 1; ; tries++)); do
      if run_class kafka.admin.ConfigCommand --bootstrap-server "127.0.0.1:$LOOPBACK_PORT" --alter \
        --entity-type users --entity-name "$user" --add-config-file "$config" >/dev/null 2>"$STATE/configs.err"; then
        break
      fi
      kill -0 "$broker" 2>/dev/null || return 1
      ((tries < 60)) || {
        cat "$STATE/configs.err" >&2
        return 1
      }
      sleep 2
    done
  done
  rm -f "$config"
  touch "$READY"
  log "SASL_SSL listener on $HOST:$PORT for ${users[*]}"
}
set_users || {
  stop_broker
  wait "$broker" || true
  die "could not set the SCRAM users"
}

# Until the broker ends; a TERM is passed on to it and waited for.
status=0
wait "$broker" || status=$?
if kill -0 "$broker" 2>/dev/null; then
  wait "$broker" || status=$?
fi
exit "$status"
