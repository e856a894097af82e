#!/bin/sh
# Starts one herd node in its container, the way NodeProcess starts it locally.
# HERD_NODE names the node; server-config/herd.properties gives its HTTP port.
set -eu

HERD_HOME=${HERD_HOME:-/opt/payara/herd}
CONFIG="$HERD_HOME/server-config/herd.properties"
LOGS=${HERD_LOGS:-/opt/payara/logs}
STATE=${HERD_STATE:-/opt/payara/state}
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

mkdir -p "$LOGS" "$STATE" "$RUN_DIR"
# What the node knows, kept between runs (io.proxyherd.herd.RegistrySnapshots); compose gives the folder a volume.
export HERD_STATE_FILE="$STATE/$HERD_NODE.registry"

# --systemproperties makes every line a JVM system property, and MicroProfile Config ranks system
# properties (400) above environment variables (300): HERD_BROKER_HOST would never win against
# herd.broker.host=localhost. So the node gets a copy of herd.properties with the broker hosts replaced.
PROPERTIES="$RUN_DIR/herd.properties"
replace_host() { # KEY VALUE: a sed expression, or none when VALUE is empty
    [ -z "$2" ] || printf '%s' "s|^[[:space:]]*herd\\.broker\\.$1[[:space:]]*[=:].*|herd.broker.$1=$2|;"
}
sed "$(replace_host host "${HERD_BROKER_HOST:-}")$(replace_host backup-host "${HERD_BROKER_BACKUP_HOST:-}")" "$CONFIG" > "$PROPERTIES"

# The node's logging.properties is made from this template beside its herd.properties (NodeCommandLine).
cp "$HERD_HOME/server-config/logging.properties" "$RUN_DIR/logging.properties"
export HERD_LOG_FILE="$LOGS/$HERD_NODE.log"

# Payara Micro has no switch that stops it when a boot-time deployment fails: it logs the failure, says "ready"
# and serves on without the application (io.proxyherd.launcher.BootLog says more). So this script stays Payara's
# parent instead of exec'ing it: it reads this boot's part of the node log until Payara's "ready in" line, and if
# Payara's list of deployed applications there does not name herd, it stops Payara and exits 70 with the reason
# on one line (compose's restart: on-failure then starts the container again). TERM and INT go on to Payara.
LOG="$HERD_LOG_FILE"
BOOT_START=$(( $(stat -c %s "$LOG" 2>/dev/null || echo 0) + 1 ))
boot_log() {
    tail -c +"$BOOT_START" "$LOG" 2>/dev/null
}

# The node's command line, made as the local herd makes it (io.proxyherd.launcher.NodeCommand): the JVM options of
# server-config/node-jvm.options, Payara from the runtime the image build unpacked, with the class-data archive
# its warm-up made, a fresh instance folder, the adapter deployed before the WAR. One argument a line.
ARGS=$(java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx64m -cp "$HERD_HOME/classes" io.proxyherd.launcher.NodeCommandLine \
    "$HERD_HOME" "$HERD_NODE" "$PROPERTIES" "$HERD_LOG_FILE" "$RUN_DIR/data") || {
    echo "node-entrypoint: cannot make $HERD_NODE's command line (see above)" >&2
    exit 70
}
set -f
IFS='
'
# shellcheck disable=SC2086 # one argument a line, as NodeCommandLine prints them
set -- $ARGS
unset IFS
set +f
java "$@" &
PAYARA=$!
trap 'kill -TERM "$PAYARA" 2>/dev/null' TERM INT

while kill -0 "$PAYARA" 2>/dev/null; do
    if boot_log | grep -q 'Payara Micro .* ready in [0-9,.]* (ms)'; then
        if ! boot_log | grep -q '^[[:space:]]*"Name": "herd"'; then
            # As BootLog reads it: after the first SEVERE line, the innermost exception message above the first stack frame.
            REASON=$(boot_log | sed -n '/ SEVERE /,$!d; / SEVERE /d; /^\tat /q; s/^\(Caused by: \)\{0,1\}[[:alnum:]_.$]*\(Exception\|Error\): //p' | tail -n 1)
            echo "node-entrypoint: $HERD_NODE stops: herd did not deploy: ${REASON:-Payara logged no reason} (see $LOG)" >&2
            kill -TERM "$PAYARA" 2>/dev/null || true
            wait "$PAYARA" || true
            exit 70
        fi
        break
    fi
    sleep 1
done

# wait returns early when a signal's trap runs; Payara's own exit code is the container's.
STATUS=0
wait "$PAYARA" || STATUS=$?
while kill -0 "$PAYARA" 2>/dev/null; do
    STATUS=0
    wait "$PAYARA" || STATUS=$?
done
exit "$STATUS"
