package io.proxyherd.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;

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
