#!/bin/bash
# Starts the herd's compose broker from the official Artemis image: puts the herd's broker.xml and accounts in place,
# then runs the image's own entrypoint. At every start, not only the first: the image copies etc-override into the
# instance's etc folder only when it creates the instance, so a changed broker.xml or password would be ignored.
#
# From the environment (compose passes docker/.env):
#   ARTEMIS_USER, ARTEMIS_PASSWORD   the web console's administrator (role amq; the image creates it)
#   HERD_BROKER_PASSWORD_<NODE>      each node's account, NODE in capitals (HERD_BROKER_PASSWORD_GOLOMAN)
#   HERD_MONITOR_PASSWORD            herd-monitor, which may only read queue counts (herd status)
#   HERD_CLUSTER_PASSWORD            the brokers' own secret (Artemis lets its holder do anything)
#   HERD_BROKER_ROLE                 alone, or primary or backup of a pair on a shared journal; by default primary
#                                    if HERD_BROKER_HA is true, else alone
#   HERD_BROKER_HOST, HERD_BROKER_BACKUP_HOST   where the pair reach each other (default artemis, artemis-backup)
# The roles each account gets are those server-config/broker.xml gives permissions to (io.proxyherd.launcher.BrokerSecurity).
set -euo pipefail

CONFIG_DIR=${HERD_CONFIG_DIR:-/opt/herd/server-config}
INSTANCE=${HERD_BROKER_INSTANCE:-/var/lib/artemis-instance}
ARTEMIS_RUN=${HERD_ARTEMIS_RUN:-/docker-run.sh}
if [ "${HERD_BROKER_HA:-false}" = "true" ]; then
    ROLE=${HERD_BROKER_ROLE:-primary}
else
    ROLE=${HERD_BROKER_ROLE:-alone}
fi
PROPERTIES="$CONFIG_DIR/herd.properties"

fail() {
    echo "broker-entrypoint: $*" >&2
    exit 64
}

# Last value wins, as in java.util.Properties.
property() {
    sed -n "s/^[[:space:]]*$1[[:space:]]*[=:][[:space:]]*//p" "$PROPERTIES" | tail -n 1 | tr -d '\r'
}

# A secret that goes into a properties file and into XML as it is: letters, digits and . _ ~ - only, 12 or more.
secret() {
    local value=${!1:-}
    [ -n "$value" ] || fail "$1 is not set (see docker/.env.example)"
    [[ "$value" =~ ^[A-Za-z0-9._~-]{12,}$ ]] || fail "$1 must be 12 or more of A-Z a-z 0-9 . _ ~ - (openssl rand -hex 16 makes one)"
    printf '%s' "$value"
}

[ -r "$PROPERTIES" ] || fail "no herd configuration at $PROPERTIES"
[ -r "$CONFIG_DIR/broker.xml" ] || fail "no broker settings at $CONFIG_DIR/broker.xml"
[ -n "${ARTEMIS_USER:-}" ] || fail "ARTEMIS_USER is not set (see docker/.env.example)"
ADMIN_PASSWORD=$(secret ARTEMIS_PASSWORD)
MONITOR_PASSWORD=$(secret HERD_MONITOR_PASSWORD)
CLUSTER_PASSWORD=$(secret HERD_CLUSTER_PASSWORD)
NODES=$(property 'herd\.nodes' | tr -d ' \t' | tr ',' ' ')
[ -n "$NODES" ] || fail "$PROPERTIES names no node (herd.nodes)"

umask 077
OVERRIDE="$INSTANCE/etc-override"
mkdir -p "$OVERRIDE"

declare -A NODE_PASSWORDS
for node in $NODES; do
    NODE_PASSWORDS[$node]=$(secret "HERD_BROKER_PASSWORD_${node^^}")
done

# The users file takes plain passwords; only this container's user may read it.
{
    echo "$ARTEMIS_USER = $ADMIN_PASSWORD"
    for node in $NODES; do
        echo "$node = ${NODE_PASSWORDS[$node]}"
    done
    echo "herd-monitor = $MONITOR_PASSWORD"
} > "$OVERRIDE/artemis-users.properties"
{
    echo "amq = $ARTEMIS_USER"
    for node in $NODES; do
        echo "node-$node = $node"
    done
    echo "monitor = herd-monitor"
} > "$OVERRIDE/artemis-roles.properties"

PORT=$(property 'herd\.broker\.port')
BACKUP_PORT=$(property 'herd\.broker\.backup-port')
PRIMARY_URL="tcp://${HERD_BROKER_HOST:-artemis}:$PORT"
BACKUP_URL="tcp://${HERD_BROKER_BACKUP_HOST:-artemis-backup}:$BACKUP_PORT"

# The pair's policy, connectors and cluster connection (the local herd's pair is io.proxyherd.launcher.EmbeddedBroker's).
pair() {
    local own=$1 other=$2 policy=$3
    printf '%s\n' \
        "<connectors><connector name=\"primary\">$PRIMARY_URL</connector><connector name=\"backup\">$BACKUP_URL</connector></connectors>" \
        "<ha-policy><shared-store>$policy</shared-store></ha-policy>" \
        "<cluster-connections><cluster-connection name=\"herd-pair\"><connector-ref>$own</connector-ref>" \
        "<retry-interval>500</retry-interval><reconnect-attempts>-1</reconnect-attempts>" \
        "<message-load-balancing>OFF</message-load-balancing>" \
        "<static-connectors><connector-ref>$other</connector-ref></static-connectors></cluster-connection></cluster-connections>"
}
LISTEN_PORT=$PORT
case "$ROLE" in
    alone) HA_POLICY="" ;;
    primary) HA_POLICY=$(pair primary backup "<primary/>") ;;
    backup)
        HA_POLICY=$(pair backup primary "<backup><allow-failback>true</allow-failback></backup>")
        LISTEN_PORT=$BACKUP_PORT
        ;;
    *) fail "HERD_BROKER_ROLE is '$ROLE': alone, primary or backup" ;;
esac

CLUSTER="<cluster-user>herd-cluster</cluster-user><cluster-password>$CLUSTER_PASSWORD</cluster-password>"
while IFS= read -r line; do
    case "$line" in
        *"<!-- herd:cluster-credentials -->"*) echo "        $CLUSTER" ;;
        *"<!-- herd:ha-policy -->"*) [ -z "$HA_POLICY" ] || echo "$HA_POLICY" ;;
        *'<acceptor name="herd">'*) echo "$line" | sed "s|\(tcp://[^:]*:\)[0-9]*|\1$LISTEN_PORT|" ;;
        *) printf '%s\n' "$line" ;;
    esac
done < "$CONFIG_DIR/broker.xml" > "$OVERRIDE/broker.xml"

# The image copies etc-override only into a new instance; an existing one gets the files here.
if [ -f "$INSTANCE/etc/broker.xml" ]; then
    cp "$OVERRIDE/broker.xml" "$OVERRIDE/artemis-users.properties" "$OVERRIDE/artemis-roles.properties" "$INSTANCE/etc/"
fi

echo "broker-entrypoint: the herd's broker ($ROLE) with accounts for $NODES, herd-monitor and $ARTEMIS_USER"
exec "$ARTEMIS_RUN" "$@"
