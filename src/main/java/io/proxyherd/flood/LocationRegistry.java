package io.proxyherd.flood;

import io.proxyherd.protocol.AtLine;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * What this node knows: each client's latest AT line, wherever the client reported. Safe for concurrent use.
 *
 * <p>A line is kept as its text, about 220 bytes of heap a client instead of about 400 as an {@link AtLine}
 * with its fields: every node keeps every client of the herd, and is asked for a line back far less often
 * than it is offered one.
 */
public final class LocationRegistry {

    private final ConcurrentMap<String, String> latest = new ConcurrentHashMap<>();

    /** Keeps the line if it supersedes what is known of its client; true if it did. */
    public boolean offer(AtLine line) {
        String text = line.text();
        while (true) {
            String current = latest.putIfAbsent(line.clientId(), text);
            if (current == null) {
                return true;
            }
            if (line.compareToText(current) <= 0) {
                return false;
            }
            if (latest.replace(line.clientId(), current, text)) {
                return true;
            }
        }
    }

    public Optional<AtLine> latest(String clientId) {
        return Optional.ofNullable(latest.get(clientId)).map(LocationRegistry::line);
    }

    /** True if the line is exactly what is known of its client. */
    public boolean holds(AtLine line) {
        return line.text().equals(latest.get(line.clientId()));
    }

    /** How many clients this node knows. */
    public int size() {
        return latest.size();
    }

    public List<AtLine> all() {
        return latest.values().stream().map(LocationRegistry::line).toList();
    }

    private static AtLine line(String text) {
        return AtLine.parse(text).orElseThrow(() -> new IllegalStateException("the registry holds a line it cannot read: " + text));
    }
}
