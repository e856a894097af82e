package io.proxyherd.herd;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import jakarta.jms.JMSRuntimeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Updates this node originated, on their way to its neighbours. A client's IAMAT is answered without
 * waiting for the broker; the update waits here until a send succeeds. Only each client's newest update
 * waits, so a broker outage holds one update per client, not every IAMAT made meanwhile.
 */
@ApplicationScoped
public class FloodOutbox {

    private static final Logger LOG = Logger.getLogger(FloodOutbox.class.getName());
    private static final int BATCH = 64;
    private static final long FIRST_RETRY_MILLIS = 100;
    private static final long LAST_RETRY_MILLIS = 5_000;

    @Resource
    ManagedExecutorService executor;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    FloodPublisher publisher;

    @Inject
    LocalNode node;

    @Inject
    @ConfigProperty(name = "herd.flood.senders")
    int senders;

    private final ConcurrentMap<String, FloodMessage> pending = new ConcurrentHashMap<>();
    private final AtomicInteger workers = new AtomicInteger();
    private volatile boolean paused;
    private long backoffMillis;

    /** Queues the client's update for every neighbour, replacing an older one still waiting. */
    public void publish(String clientId, FloodMessage message) {
        pending.put(clientId, message);
        startWorker();
    }

    public int waiting() {
        return pending.size();
    }

    private void startWorker() {
        if (paused || pending.isEmpty()) {
            return;
        }
        if (workers.incrementAndGet() <= senders) {
            executor.execute(this::drain);
        } else {
            workers.decrementAndGet();
        }
    }

    private void drain() {
        try {
            List<Map.Entry<String, FloodMessage>> batch = new ArrayList<>(BATCH);
            for (Map.Entry<String, FloodMessage> entry : pending.entrySet()) {
                if (pending.remove(entry.getKey(), entry.getValue())) {
                    batch.add(Map.entry(entry.getKey(), entry.getValue()));
                }
                if (batch.size() == BATCH) {
                    if (!deliver(batch)) {
                        return;
                    }
                    batch.clear();
                }
            }
            deliver(batch);
        } finally {
            workers.decrementAndGet();
            startWorker();
        }
    }

    private boolean deliver(List<Map.Entry<String, FloodMessage>> batch) {
        if (batch.isEmpty()) {
            return true;
        }
        try {
            publisher.send(batch.stream().map(Map.Entry::getValue).toList(), node.neighbours());
            synchronized (this) {
                backoffMillis = 0;
            }
            return true;
        } catch (JMSRuntimeException e) {
            // A newer update for the same client may have arrived meanwhile: it wins.
            batch.forEach(entry -> pending.putIfAbsent(entry.getKey(), entry.getValue()));
            pause(e);
            return false;
        }
    }

    private synchronized void pause(JMSRuntimeException cause) {
        if (paused) {
            return;
        }
        paused = true;
        backoffMillis = backoffMillis == 0 ? FIRST_RETRY_MILLIS : Math.min(backoffMillis * 2, LAST_RETRY_MILLIS);
        long delay = backoffMillis;
        LOG.warning(() -> pending.size() + " updates wait for the broker (" + cause.getMessage() + "); retrying in "
                + delay + " ms");
        scheduler.schedule(this::resume, delay, TimeUnit.MILLISECONDS);
    }

    private void resume() {
        paused = false;
        startWorker();
    }

    @PreDestroy
    void reportUnsent() {
        if (!pending.isEmpty()) {
            LOG.warning(() -> "stopping with " + pending.size() + " updates not yet sent to " + node.neighbours()
                    + ": they reach the herd when the clients next report");
        }
    }
}
