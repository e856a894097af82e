package io.proxyherd.flood;

/**
 * How much one flood message may carry: at most {@code maxUpdates} updates and {@code maxBytes} bytes of
 * body. An update that alone is larger than {@code maxBytes} still travels, in a message of its own.
 */
public record BatchBounds(int maxUpdates, int maxBytes) {

    public BatchBounds {
        if (maxUpdates < 1) {
            throw new IllegalArgumentException("a flood message carries at least one update, not " + maxUpdates);
        }
        if (maxBytes < 1) {
            throw new IllegalArgumentException("a flood message's byte bound must be positive, not " + maxBytes);
        }
    }
}
