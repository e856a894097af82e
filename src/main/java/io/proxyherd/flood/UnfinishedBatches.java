package io.proxyherd.flood;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The flood messages this node has begun to handle and not finished: their news kept, their forward not yet stored
 * (or failed). Delivered again, such a batch must be forwarded again, and the broker's redelivered flag cannot be
 * trusted to say so: Artemis counts deliveries in memory only, so a backup broker that has taken over (or a broker
 * restarted) delivers it as new, and may do so while the first attempt still waits on a commit cut short by the
 * failover. Bounded: past {@value #LIMIT} the oldest are forgotten (a batch that keeps failing ends in the dead-letter
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

    /** Notes that this message is being handled; true if it was begun before and never finished. */
    public synchronized boolean begin(String messageId) {
        return ids.put(messageId, Boolean.TRUE) != null;
    }

    /** The message's forward is stored (or it needed none): a later delivery of it is a plain duplicate. */
    public synchronized void finished(String messageId) {
        ids.remove(messageId);
    }
}
