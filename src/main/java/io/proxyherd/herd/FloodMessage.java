package io.proxyherd.herd;

/**
 * What travels between nodes: the AT line exactly as its origin produced it, the node that sent this
 * copy (so it is not sent back there), and when the origin stamped it (to measure flood delivery).
 */
public record FloodMessage(String atLine, String from, long stampedAtMillis) {

    static final String FROM = "herdFrom";
    static final String STAMPED_AT = "herdStampedAt";

    /** The same update, passed on by {@code node}. */
    public FloodMessage forwardedBy(String node) {
        return new FloodMessage(atLine, node, stampedAtMillis);
    }
}
