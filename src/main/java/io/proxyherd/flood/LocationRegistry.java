package io.proxyherd.flood;

import io.proxyherd.protocol.AtLine;
import io.proxyherd.protocol.ClientTime;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;

/**
 * What this node knows: each client's latest AT line, wherever the client reported. Safe for concurrent use.
 *
 * <p>A line is kept as its bytes alone (see {@link LineTable}): every node keeps every client of the herd, and is
 * asked for a line back far less often than it is offered one.
 */
public final class LocationRegistry {

    private final LineTable latest;
    private final LongAdder changes = new LongAdder();

    /** A registry that does not note which clients changed (nothing keeps it in a file). */
    public LocationRegistry() {
        this(false);
    }

    private LocationRegistry(boolean notingChanges) {
        this.latest = new LineTable(notingChanges);
    }

    /** A registry that notes which clients changed, for {@link #takeChanged}: one entry a client, at most. */
    public static LocationRegistry notingChanges() {
        return new LocationRegistry(true);
    }

    /** Keeps the line if it supersedes what is known of its client; true if it did. */
    public boolean offer(AtLine line) {
        if (latest.offer(line)) {
            changes.increment();
            return true;
        }
        return false;
    }

    /**
     * The latest line of every client that changed since the last call, each once, and forgets them. A client that
     * changes while this runs is noted again, so the next call has it too, though this one may already have its
     * newest line.
     *
     * @throws IllegalStateException if this registry does not note changes
     */
    public List<String> takeChanged() {
        return latest.takeChanged();
    }

    public Optional<AtLine> latest(String clientId) {
        return Optional.ofNullable(latest.get(clientId)).map(LocationRegistry::line);
    }

    /** True if the line is exactly what is known of its client. */
    public boolean holds(AtLine line) {
        return line.text().equals(latest.get(line.clientId()));
    }

    /** How many times a line was kept since this registry was made: a snapshot is out of date when it has grown. */
    public long changes() {
        return changes.sum();
    }

    /** The text of every client known when asked, each read when the list is asked for it. */
    public List<String> texts() {
        return latest.texts();
    }

    /** Writes the text of every line known, each followed by a newline, in UTF-8; returns how many. */
    public int writeTo(OutputStream out) throws IOException {
        return latest.writeTo(out);
    }

    /** How many clients this node knows. */
    public int size() {
        return latest.size();
    }

    /**
     * Every line known, as they were when asked, each read from its text only when the list is asked for it:
     * a catch-up of every client then needs memory for its messages, not for every line read at once.
     */
    public List<AtLine> all() {
        return new MappedView<>(texts(), LocationRegistry::line);
    }

    /**
     * The {@code limit} clients whose id {@code clientIds} accepts with the newest client times (then by id),
     * newest first, and how many it accepted; only those listed are read whole.
     */
    public Newest newest(Predicate<String> clientIds, int limit) {
        PriorityQueue<Known> oldestFirst = new PriorityQueue<>(Known.NEWEST_FIRST.reversed());
        int matched = 0;
        for (String text : latest.texts()) {
            String clientId = AtLine.clientIdOf(text);
            if (!clientIds.test(clientId)) {
                continue;
            }
            matched++;
            if (limit == 0) {
                // Counting only (the console's total): no client time to read.
                continue;
            }
            oldestFirst.add(new Known(clientId, AtLine.clientTimeOf(text), text));
            if (oldestFirst.size() > limit) {
                oldestFirst.poll();
            }
        }
        List<AtLine> lines = oldestFirst.stream()
                .sorted(Known.NEWEST_FIRST)
                .map(known -> line(known.text()))
                .toList();
        return new Newest(matched, lines);
    }

    /** What {@link #newest} found: how many clients matched, and the newest of them. */
    public record Newest(int matched, List<AtLine> lines) {}

    private record Known(String clientId, ClientTime time, String text) {
        static final Comparator<Known> NEWEST_FIRST =
                Comparator.comparing(Known::time).reversed().thenComparing(Known::clientId);
    }

    private static AtLine line(String text) {
        return AtLine.parse(text)
                .orElseThrow(() -> new IllegalStateException("the registry holds a line it cannot read: " + text));
    }
}
