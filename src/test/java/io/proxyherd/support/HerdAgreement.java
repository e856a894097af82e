package io.proxyherd.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.proxyherd.topology.NodeAddress;
import io.proxyherd.topology.Topology;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Whether a running herd's nodes agree on how many clients they know, asked through each node's {@code /api/node}. */
public final class HerdAgreement {

    private static final ConsoleClient CONSOLE = new ConsoleClient(null);

    private HerdAgreement() {}

    /** Waits until every node (by HTTP port) knows the same number of clients, at least {@code atLeast}, and returns it. */
    public static int awaitAgreement(List<Integer> httpPorts, int atLeast, Duration atMost) {
        return await("every node knows the same " + atLeast + " or more clients")
                .atMost(atMost)
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> httpPorts.stream()
                                .map(HerdAgreement::clientsKnown)
                                .distinct()
                                .toList(),
                        counts -> counts.size() == 1 && counts.get(0) >= atLeast)
                .get(0);
    }

    /**
     * Checks a sample of the clients answered (about one in 50, chosen by name) at every node: each node's WHATSAT
     * starts with the very AT line the client was answered.
     */
    public static void assertSampleKnownEverywhere(Topology topology, Map<String, String> answered) throws IOException {
        List<String> sample = answered.keySet().stream()
                .filter(client -> client.hashCode() % 50 == 0)
                .toList();
        assertThat(sample).isNotEmpty();
        for (NodeAddress node : topology.nodes()) {
            for (String client : sample) {
                assertThat(HerdClients.whatsat(node.clientPort(), client))
                        .as(node.name() + " on " + client)
                        .startsWith(answered.get(client) + "\n");
            }
        }
    }

    /** How many clients the node knows, or -1 if it does not answer. */
    public static int clientsKnown(int httpPort) {
        try {
            return CONSOLE.json(URI.create("http://localhost:" + httpPort + "/api/node"))
                    .getInt("clients");
        } catch (IOException | InterruptedException e) {
            return -1;
        }
    }
}
