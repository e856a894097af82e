package io.proxyherd.herd;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/** The neighbours a starting node has yet to ask to catch up; each is asked until one request is stored. */
final class UnaskedNeighbours {

    private final Set<String> unasked;

    UnaskedNeighbours(Set<String> neighbours) {
        this.unasked = new TreeSet<>(neighbours);
    }

    /**
     * Asks every neighbour not yet asked, stopping at the first that throws (the broker is most likely
     * away for all of them); true once every neighbour has been asked.
     */
    boolean askEach(Consumer<String> ask) {
        for (String neighbour : List.copyOf(unasked)) {
            ask.accept(neighbour);
            unasked.remove(neighbour);
        }
        return unasked.isEmpty();
    }

    Set<String> remaining() {
        return Set.copyOf(unasked);
    }
}
