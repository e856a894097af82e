package io.proxyherd.console;

import io.proxyherd.topology.LocalNode;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Logger;

/**
 * Asks this node for its own {@code /api/node} once it serves, in the background. The first call through
 * the console's HTTP client and the first {@code /api/node} each take about a second on a busy machine
 * (Jersey and JSON classes loading), which made the first {@code /api/herd} after a start take as long as
 * the peer timeout; this pays that cost at start instead of in front of an operator.
 */
@ApplicationScoped
public class ConsoleWarmUp {

    private static final Logger LOG = Logger.getLogger(ConsoleWarmUp.class.getName());
    private static final int ATTEMPTS = 30;
    private static final long PAUSE_MILLIS = 1_000;

    @Resource
    ManagedThreadFactory threads;

    @Inject
    Peers peers;

    @Inject
    LocalNode node;

    private Thread warmer;

    void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        warmer = threads.newThread(this::warmUp);
        warmer.setName("console-warm-up");
        warmer.start();
    }

    private void warmUp() {
        try {
            // Until the application is deployed its paths answer 404; a node that never serves is reported elsewhere.
            for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
                PeerAnswer answer =
                        peers.answers(peers.ask(List.of(node.address()))).get(node.name());
                if (answer.up()) {
                    LOG.fine(() -> "console warmed up");
                    return;
                }
                Thread.sleep(PAUSE_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @PreDestroy
    void stop() {
        if (warmer != null) {
            warmer.interrupt();
        }
    }
}
