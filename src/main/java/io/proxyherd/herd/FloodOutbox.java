package io.proxyherd.herd;

import io.proxyherd.flood.FloodLinks;
import io.proxyherd.flood.FloodLinks.LinkFailure;
import io.proxyherd.flood.Lane;
import io.proxyherd.flood.PendingUpdates;
import io.proxyherd.flood.Update;
import io.proxyherd.topology.LocalNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Updates this node originated, on their way to its neighbours. A sender takes everything waiting, up
 * to a batch, and sends it as one message per neighbour: an idle node sends a lone update at once, and
 * under load batches grow by themselves with what queued up while the previous send was being stored.
 *
 * <p>The senders live as long as the application, on container-managed threads ({@link HerdConfiguration}
 * starts and stops them): handing each update to a managed executor instead would cost a context capture
 * per IAMAT.
 */
public final class FloodOutbox {

    private static final Logger LOG = Logger.getLogger(FloodOutbox.class.getName());
    private static final Object RING = new Object();

    private final FloodLinks links;
    private final LocalNode node;
    private final int batchMaxUpdates;
    private final PendingUpdates pending = new PendingUpdates();
    // Holds at most one ring: a sender that wakes takes everything waiting, whoever rang.
    private final BlockingQueue<Object> doorbell = new ArrayBlockingQueue<>(1);
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean running = true;

    private FloodOutbox(FloodLinks links, LocalNode node, int batchMaxUpdates) {
        this.links = links;
        this.node = node;
        this.batchMaxUpdates = batchMaxUpdates;
    }

    /** An outbox whose {@code senders} threads, from {@code threads}, send batches of at most {@code batchMaxUpdates}. */
    public static FloodOutbox start(
            ThreadFactory threads, FloodLinks links, LocalNode node, int senders, int batchMaxUpdates) {
        FloodOutbox outbox = new FloodOutbox(links, node, batchMaxUpdates);
        for (int i = 0; i < senders; i++) {
            Thread worker = threads.newThread(outbox::send);
            worker.setName("flood-sender-" + i);
            worker.start();
            outbox.workers.add(worker);
        }
        return outbox;
    }

    /** Queues the client's update for every neighbour, replacing an older one of the client still waiting. */
    public void publish(Update update) {
        pending.add(update);
        doorbell.offer(RING);
    }

    private void send() {
        Backoff backoff = new Backoff();
        try {
            while (running) {
                if (doorbell.poll(1, TimeUnit.SECONDS) == null && pending.isEmpty()) {
                    continue;
                }
                if (drain()) {
                    backoff.reset();
                } else {
                    Thread.sleep(backoff.next());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Sends everything waiting, a batch at a time; false if the broker refused, leaving the rest waiting. */
    private boolean drain() {
        List<Update> batch;
        while (!(batch = pending.take(batchMaxUpdates)).isEmpty()) {
            if (!pending.isEmpty()) {
                // More is waiting: another sender may take it while this batch is being stored.
                doorbell.offer(RING);
            }
            try {
                links.send(Lane.LIVE, node.neighbours(), node.heldOnceSent(Set.of(), node.neighbours()), batch);
            } catch (LinkFailure e) {
                pending.giveBack(batch);
                LOG.warning(() -> pending.size() + " updates wait for the broker: " + e.getMessage());
                return false;
            }
        }
        return true;
    }

    /** Stops the senders, after the batch each is sending; what still waits is logged, not sent. */
    public void stop() {
        running = false;
        workers.forEach(Thread::interrupt);
        for (Thread worker : workers) {
            try {
                worker.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (!pending.isEmpty()) {
            LOG.warning(() -> "stopping with " + pending.size() + " updates not yet sent to " + node.neighbours()
                    + ": they reach the herd when their clients next report");
        }
    }
}
