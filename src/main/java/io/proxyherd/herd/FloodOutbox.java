package io.proxyherd.herd;

import io.proxyherd.topology.LocalNode;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSRuntimeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Updates this node originated, on their way to its neighbours. A client's IAMAT is answered without
 * waiting for the broker; the update waits here until a send succeeds. Only each client's newest update
 * waits, so a broker outage holds one update per client, not every IAMAT made meanwhile.
 *
 * <p>A few senders live as long as the application, on container-managed threads: handing each update
 * to a managed executor instead would cost a context capture per IAMAT.
 */
@ApplicationScoped
public class FloodOutbox {

    private static final Logger LOG = Logger.getLogger(FloodOutbox.class.getName());
    private static final int BATCH = 64;
    private static final Object RING = new Object();

    @Resource
    ManagedThreadFactory threads;

    @Inject
    FloodPublisher publisher;

    @Inject
    LocalNode node;

    @Inject
    @ConfigProperty(name = "herd.flood.senders")
    int senders;

    private final ConcurrentMap<String, FloodMessage> pending = new ConcurrentHashMap<>();
    // Holds at most one ring: a sender that wakes drains everything waiting, whoever rang.
    private final BlockingQueue<Object> doorbell = new ArrayBlockingQueue<>(1);
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean running = true;

    @PostConstruct
    void startSenders() {
        for (int i = 0; i < senders; i++) {
            Thread worker = threads.newThread(this::send);
            worker.setName("flood-sender-" + i);
            worker.start();
            workers.add(worker);
        }
    }

    /** Queues the client's update for every neighbour, replacing an older one still waiting. */
    public void publish(String clientId, FloodMessage message) {
        pending.put(clientId, message);
        doorbell.offer(RING);
    }

    public int waiting() {
        return pending.size();
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
        List<Map.Entry<String, FloodMessage>> batch = new ArrayList<>(BATCH);
        for (Map.Entry<String, FloodMessage> entry : pending.entrySet()) {
            if (pending.remove(entry.getKey(), entry.getValue())) {
                batch.add(Map.entry(entry.getKey(), entry.getValue()));
            }
            if (batch.size() == BATCH) {
                // More may be waiting: let another sender share the work.
                doorbell.offer(RING);
                if (!deliver(batch)) {
                    return false;
                }
                batch.clear();
            }
        }
        return deliver(batch);
    }

    private boolean deliver(List<Map.Entry<String, FloodMessage>> batch) {
        if (batch.isEmpty()) {
            return true;
        }
        try {
            publisher.send(batch.stream().map(Map.Entry::getValue).toList(), node.neighbours());
            return true;
        } catch (JMSRuntimeException e) {
            // A newer update for the same client may have arrived meanwhile: it wins.
            batch.forEach(entry -> pending.putIfAbsent(entry.getKey(), entry.getValue()));
            LOG.warning(() -> pending.size() + " updates wait for the broker: " + e.getMessage());
            return false;
        }
    }

    @PreDestroy
    void stopSenders() {
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
