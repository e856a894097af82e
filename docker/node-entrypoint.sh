#!/bin/sh
# Starts one herd node in its container, the way NodeProcess starts it locally.
# HERD_NODE names the node; server-config/herd.properties gives its HTTP port.
set -eu

HERD_HOME=${HERD_HOME:-/opt/payara/herd}
CONFIG="$HERD_HOME/server-config/herd.properties"
LOGS=${HERD_LOGS:-/opt/payara/logs}
RUN_DIR=${HERD_RUN:-/tmp/herd}

if [ -z "${HERD_NODE:-}" ]; then
    echo "node-entrypoint: HERD_NODE is not set; it must name one of the herd's nodes in $CONFIG" >&2
    exit 64
fi

# Last value wins, as in java.util.Properties.
property() {
    sed -n "s/^[[:space:]]*$1[[:space:]]*[=:][[:space:]]*//p" "$CONFIG" | tail -n 1 | tr -d '\r'
}

NODES=$(property 'herd\.nodes' | tr -d ' \t')
case ",$NODES," in
    *",$HERD_NODE,"*) ;;
    *)
        echo "node-entrypoint: unknown node '$HERD_NODE'; the herd's nodes are $NODES (names are case-sensitive)" >&2
        exit 64
        ;;
esac
HTTP_PORT=$(property "herd\.node\.$HERD_NODE\.http-port")
if [ -z "$HTTP_PORT" ]; then
    echo "node-entrypoint: $CONFIG has no herd.node.$HERD_NODE.http-port" >&2
    exit 64
fi

mkdir -p "$LOGS" "$RUN_DIR"

# --systemproperties makes every line a JVM system property, and MicroProfile Config ranks system
# properties (400) above environment variables (300): HERD_BROKER_HOST would never win against
# herd.broker.host=localhost. So the node gets a copy of herd.properties with the broker host replaced.
PROPERTIES="$RUN_DIR/herd.properties"
if [ -n "${HERD_BROKER_HOST:-}" ]; then
    sed "s|^[[:space:]]*herd\.broker\.host[[:space:]]*[=:].*|herd.broker.host=$HERD_BROKER_HOST|" "$CONFIG" > "$PROPERTIES"
else
    cp "$CONFIG" "$PROPERTIES"
fi

LOGGING="$RUN_DIR/logging.properties"
sed "s|@NODE_LOG@|$LOGS/$HERD_NODE.log|" "$HERD_HOME/server-config/logging.properties" > "$LOGGING"
# The node's own records are written by the application (io.proxyherd.logging.NodeLog), into the same file.
export HERD_LOG_FILE="$LOGS/$HERD_NODE.log"

# The resource adapter must be deployed before the WAR: the WAR's message-driven bean needs it.
exec java -Xmx512m -jar /opt/payara/payara-micro.jar \
    --nocluster \
    --nohazelcast \
    --disablephonehome \
    --name "$HERD_NODE" \
    --port "$HTTP_PORT" \
    --systemproperties "$PROPERTIES" \
    --logproperties "$LOGGING" \
    --deploy "$HERD_HOME/artemis-ra.rar" \
    --deploy "$HERD_HOME/herd.war" \
    --contextroot /
