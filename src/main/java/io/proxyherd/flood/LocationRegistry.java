package io.proxyherd.flood;

import io.proxyherd.protocol.AtLine;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** What this node knows: each client's latest AT line, wherever the client reported. Safe for concurrent use. */
public final class LocationRegistry {

    private final ConcurrentMap<String, AtLine> latest = new ConcurrentHashMap<>();

    /** Keeps the line if it supersedes what is known of its client; true if it did. */
    public boolean offer(AtLine line) {
        while (true) {
            AtLine current = latest.putIfAbsent(line.clientId(), line);
            if (current == null) {
                return true;
            }
            if (!line.supersedes(current)) {
                return false;
            }
            if (latest.replace(line.clientId(), current, line)) {
                return true;
            }
        }
    }

    public Optional<AtLine> latest(String clientId) {
        return Optional.ofNullable(latest.get(clientId));
    }

    /** True if the line is exactly what is known of its client. */
    public boolean holds(AtLine line) {
        return line.equals(latest.get(line.clientId()));
    }

    /** How many clients this node knows. */
    public int size() {
        return latest.size();
    }

    public List<AtLine> all() {
        return List.copyOf(latest.values());
    }
}
