package io.proxyherd.console;

import static io.proxyherd.json.SharedJson.JSON;

import io.proxyherd.broker.BrokerView;
import io.proxyherd.broker.QueueState;
import io.proxyherd.topology.NodeAddress;
import io.proxyherd.topology.Topology;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /api/herd}: every node as one node sees it, with its queue as the broker describes it,
 * and the health of every node and link.
 */
public final class HerdReport {

    /** More messages than this waiting in a node's queue make the node degraded. */
    static final long BACKLOG = 100;

    public static final String OK = "ok";
    public static final String DEGRADED = "degraded";
    public static final String DOWN = "down";

    private HerdReport() {}

    public static JsonObject of(
            Topology topology, String askedBy, long askedAt, BrokerView broker, Map<String, PeerAnswer> answers) {
        Map<String, String> health = new HashMap<>();
        JsonArrayBuilder nodes = JSON.createArrayBuilder();
        for (NodeAddress address : topology.nodes()) {
            PeerAnswer answer = answers.getOrDefault(address.name(), PeerAnswer.failed("not asked"));
            Optional<QueueState> queue = broker.queue(Topology.queueOf(address.name()));
            String nodeHealth = health(answer, queue);
            health.put(address.name(), nodeHealth);
            JsonObjectBuilder node = JSON.createObjectBuilder()
                    .add("name", address.name())
                    .add("host", address.host())
                    .add("clientPort", address.clientPort())
                    .add("httpPort", address.httpPort())
                    .add("up", answer.up());
            queue.ifPresentOrElse(
                    state -> node.add(
                            "queue",
                            JSON.createObjectBuilder()
                                    .add("name", state.queue())
                                    .add("consumers", state.consumers())
                                    .add("messages", state.messages())),
                    () -> node.addNull("queue"));
            node.add("health", nodeHealth);
            nullable(node, "error", answer.error());
            if (answer.up()) {
                node.add("node", answer.node());
            } else {
                node.addNull("node");
            }
            nodes.add(node);
        }
        JsonArrayBuilder links = JSON.createArrayBuilder();
        for (Topology.Link link : topology.links()) {
            links.add(JSON.createObjectBuilder()
                    .add("from", link.from())
                    .add("to", link.to())
                    .add(
                            "health",
                            linkHealth(
                                    health.get(link.from()),
                                    health.get(link.to()),
                                    waiting(broker, link.from()) || waiting(broker, link.to()))));
        }
        JsonObjectBuilder brokerJson =
                JSON.createObjectBuilder().add("address", broker.address()).add("reachable", broker.reachable());
        nullable(brokerJson, "error", broker.error());
        return JSON.createObjectBuilder()
                .add("askedAt", askedAt)
                .add("askedBy", askedBy)
                .add("broker", brokerJson)
                .add("nodes", nodes)
                .add("links", links)
                .build();
    }

    /**
     * Down if the node did not answer; degraded if it answered but is not ready, the broker cannot say
     * who reads its queue, nobody does, or more than {@link #BACKLOG} messages wait there; ok otherwise.
     */
    static String health(PeerAnswer answer, Optional<QueueState> queue) {
        if (!answer.up()) {
            return DOWN;
        }
        boolean consumed = queue.map(state -> state.consumers() > 0 && state.messages() <= BACKLOG)
                .orElse(false);
        return consumed && answer.ready() ? OK : DEGRADED;
    }

    /** Down if either end is down; degraded if either end is degraded or messages wait at either end; ok otherwise. */
    static String linkHealth(String from, String to, boolean messagesWaiting) {
        if (DOWN.equals(from) || DOWN.equals(to)) {
            return DOWN;
        }
        if (DEGRADED.equals(from) || DEGRADED.equals(to) || messagesWaiting) {
            return DEGRADED;
        }
        return OK;
    }

    private static void nullable(JsonObjectBuilder json, String name, String value) {
        if (value == null) {
            json.addNull(name);
        } else {
            json.add(name, value);
        }
    }

    private static boolean waiting(BrokerView broker, String node) {
        return broker.queue(Topology.queueOf(node))
                .map(state -> state.messages() > 0)
                .orElse(false);
    }
}
