package io.proxyherd.flood;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Updates this node originated that wait to be sent to its neighbours, oldest first. Only each client's newest
 * update waits, so a broker outage holds one update per client, not every report made meanwhile. Safe for
 * concurrent use.
 *
 * <p>A linked map under a lock rather than a concurrent map: taking a batch walks only what it takes, where a
 * concurrent map's iterator walks every slot of a table that once grew to hold a backlog and never shrinks
 * (a busy node spent several percent of its time there).
 */
public final class PendingUpdates {

    private final Map<String, Update> pending = new LinkedHashMap<>();

    /** Queues the update, unless a newer one of the same client is waiting already. */
    public synchronized void add(Update update) {
        pending.merge(update.clientId(), update, PendingUpdates::newer);
    }

    /** Takes up to {@code max} waiting updates off the queue, the longest waiting first. */
    public synchronized List<Update> take(int max) {
        List<Update> taken = new ArrayList<>(Math.min(max, pending.size()));
        Iterator<Update> waiting = pending.values().iterator();
        while (taken.size() < max && waiting.hasNext()) {
            taken.add(waiting.next());
            waiting.remove();
        }
        return taken;
    }

    /** Puts back updates that could not be sent; a newer update of the same client that came meanwhile wins. */
    public synchronized void giveBack(List<Update> updates) {
        updates.forEach(this::add);
    }

    public synchronized boolean isEmpty() {
        return pending.isEmpty();
    }

    public synchronized int size() {
        return pending.size();
    }

    private static Update newer(Update waiting, Update added) {
        return added.line().supersedes(waiting.line()) ? added : waiting;
    }
}
