package io.proxyherd.flood;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The flood messages whose news this node kept but whose forward failed. Delivered again, such a batch must be
 * forwarded again, and the broker's redelivered flag cannot be trusted to say so: Artemis counts deliveries in memory
 * only, so a backup broker that has taken over (or a broker restarted) delivers it as new, and the news it held would
 * stop here. Bounded: past {@value #LIMIT} the oldest are forgotten (a batch that keeps failing ends in the dead-letter
 * queue anyway).
 */
public final class UnfinishedBatches {

    static final int LIMIT = 10_000;

    private final Map<String, Boolean> ids = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > LIMIT;
        }
    };

    /** True if this message's forward failed before, here. */
    public synchronized boolean failedBefore(String messageId) {
        return ids.containsKey(messageId);
    }

    public synchronized void failed(String messageId) {
        ids.put(messageId, Boolean.TRUE);
    }

    public synchronized void finished(String messageId) {
        ids.remove(messageId);
    }
}
