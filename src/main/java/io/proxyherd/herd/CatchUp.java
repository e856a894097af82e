package io.proxyherd.herd;

import io.proxyherd.flood.FloodLinks;
import io.proxyherd.topology.LocalNode;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * A node that starts knows at most its last snapshot ({@link RegistrySnapshots}), which misses what changed
 * while it was away, so it asks each neighbour, on the neighbour's catch-up queue, for everything it knows ({@link io.proxyherd.flood.FloodRules#answerCatchUp}).
 * The request waits there if the neighbour is down; it is sent in the background, retried until the
 * broker stores it, so the application starts without waiting for the broker.
 *
 * <p>The answers arrive on this node's catch-up queue and follow the flooding rule: the news among them
 * goes on, on the catch-up lane, to the node's other neighbours, who drop what they already know. That
 * forward is what catches up a neighbour that came back before this node did: its request, answered
 * while this node still knew little, is completed by the news this node learns afterwards.
 */
@ApplicationScoped
public class CatchUp {

    private static final Logger LOG = Logger.getLogger(CatchUp.class.getName());

    @Resource
    ManagedThreadFactory threads;

    @Inject
    FloodLinks links;

    @Inject
    LocalNode node;

    private Thread asker;

    void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        if (node.neighbours().isEmpty()) {
            return;
        }
        asker = threads.newThread(this::askNeighbours);
        asker.setName("catch-up-requests");
        asker.start();
    }

    private void askNeighbours() {
        UnaskedNeighbours unasked = new UnaskedNeighbours(node.neighbours());
        Backoff backoff = new Backoff();
        try {
            while (!askEach(unasked)) {
                Thread.sleep(backoff.next());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warning(() -> "stopped before asking " + unasked.remaining() + " to catch up");
        }
    }

    private boolean askEach(UnaskedNeighbours unasked) {
        try {
            return unasked.askEach(neighbour -> {
                links.requestCatchUp(neighbour);
                LOG.info(() -> "asked " + neighbour + " for what it knows, to catch up after starting");
            });
        } catch (RuntimeException e) {
            LOG.warning(() -> "cannot ask " + unasked.remaining() + " to catch up yet, will retry: " + e.getMessage());
            return false;
        }
    }

    @PreDestroy
    void stop() {
        if (asker != null) {
            asker.interrupt();
        }
    }
}
