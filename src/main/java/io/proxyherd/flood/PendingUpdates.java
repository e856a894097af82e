package io.proxyherd.flood;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Updates this node originated that wait to be sent to its neighbours. Only each client's newest update
 * waits, so a broker outage holds one update per client, not every report made meanwhile. Safe for
 * concurrent use.
 */
public final class PendingUpdates {

    private final ConcurrentHashMap<String, Update> pending = new ConcurrentHashMap<>();

    /** Queues the update, unless a newer one of the same client is waiting already. */
    public void add(Update update) {
        pending.merge(update.clientId(), update, PendingUpdates::newer);
    }

    /** Takes up to {@code max} waiting updates off the queue. */
    public List<Update> take(int max) {
        List<Update> taken = new ArrayList<>(Math.min(max, pending.size()));
        Iterator<Map.Entry<String, Update>> waiting = pending.entrySet().iterator();
        while (taken.size() < max && waiting.hasNext()) {
            Map.Entry<String, Update> entry = waiting.next();
            if (pending.remove(entry.getKey(), entry.getValue())) {
                taken.add(entry.getValue());
            }
        }
        return taken;
    }

    /** Puts back updates that could not be sent; a newer update of the same client that came meanwhile wins. */
    public void giveBack(List<Update> updates) {
        updates.forEach(this::add);
    }

    public boolean isEmpty() {
        return pending.isEmpty();
    }

    public int size() {
        return pending.size();
    }

    private static Update newer(Update waiting, Update added) {
        return added.line().supersedes(waiting.line()) ? added : waiting;
    }
}
