package io.proxyherd.herd;

import io.proxyherd.topology.LocalNode;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

/**
 * What a node knew lives in its memory only, so a node that starts asks each neighbour for everything
 * it knows, and answers the same request from a neighbour. The request waits in the neighbour's queue
 * if the neighbour is down; it is sent in the background, retried until the broker stores it, so the
 * application starts without waiting for the broker.
 *
 * <p>The answers arrive as ordinary updates and follow the flooding rule: the news among them goes on
 * to the node's other neighbours, who drop what they already know. That forward is what catches up a
 * neighbour that came back before this node did: its request, answered while this node still knew
 * little, is completed by the news this node learns from its other neighbours afterwards.
 */
@ApplicationScoped
public class CatchUp {

    private static final Logger LOG = Logger.getLogger(CatchUp.class.getName());
    private static final int BATCH = 500;

    @Resource
    ManagedThreadFactory threads;

    @Inject
    FloodPublisher publisher;

    @Inject
    LocationRegistry registry;

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

    /** Sends the asking neighbour everything this node knows, and nothing to anyone else. */
    public void answer(String asker) {
        if (!node.neighbours().contains(asker)) {
            LOG.warning(() -> "dropped a catch-up request from " + asker + ", which is not a neighbour of " + node.name());
            return;
        }
        List<List<FloodMessage>> batches = CatchUpAnswer.batches(registry.all(), node.name(), BATCH);
        for (List<FloodMessage> batch : batches) {
            publisher.send(batch, Set.of(asker));
        }
        int count = batches.stream().mapToInt(List::size).sum();
        LOG.info(() -> "answered " + asker + "'s catch-up request with " + count + " updates");
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
                publisher.requestCatchUp(node.name(), neighbour);
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
