package io.proxyherd.herd;

import java.util.Objects;
import java.util.Optional;

/**
 * What a message on a node's queue is, told by the {@value #PROPERTY} property. A batch of updates
 * carries none, so the kind a message is read as when the property is missing stays the common one.
 */
public enum MessageKind {
    UPDATES(null),
    CATCH_UP_REQUEST("catch-up-request");

    public static final String PROPERTY = "herdKind";

    private final String value;

    MessageKind(String value) {
        this.value = value;
    }

    /** The property's value for this kind; null for updates, which carry none. */
    public String value() {
        return value;
    }

    /** The kind a message's property names; empty if it names none this node knows. */
    public static Optional<MessageKind> of(String property) {
        for (MessageKind kind : values()) {
            if (Objects.equals(kind.value, property)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
