package io.proxyherd.flood;

import io.proxyherd.protocol.AtLine;
import java.util.Objects;

/**
 * One update on its way through the herd: the AT line exactly as its origin made it, and when the origin
 * stamped it in epoch milliseconds, so a receiver can time flood delivery. A catch-up answer's updates
 * carry 0: they were not just made.
 */
public record Update(AtLine line, long stampedAtMillis) {

    public Update {
        Objects.requireNonNull(line, "line");
        if (stampedAtMillis < 0) {
            throw new IllegalArgumentException("a stamp is epoch milliseconds or 0, not " + stampedAtMillis);
        }
    }

    /** An update with no stamp, as a catch-up answer sends what a node knows. */
    public static Update unstamped(AtLine line) {
        return new Update(line, 0);
    }

    public String clientId() {
        return line.clientId();
    }
}
