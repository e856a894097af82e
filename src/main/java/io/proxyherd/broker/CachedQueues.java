package io.proxyherd.broker;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Asks the broker about a fixed set of queues at most once per {@code maxAge}: health checks and the
 * console may call as often as they like. Callers that arrive during a refresh wait for it and share it.
 */
public final class CachedQueues {

    /** The question to the broker; may throw anything, even a linkage error when the client is missing. */
    @FunctionalInterface
    public interface Lookup {
        Map<String, QueueState> states(List<String> queues) throws Exception;
    }

    private final Supplier<String> address;
    private final List<String> queues;
    private final Lookup lookup;
    private final Duration maxAge;
    private final Clock clock;
    private BrokerView last;

    /** {@code address} is asked after each lookup: it names the broker that answered, or those that did not. */
    public CachedQueues(Supplier<String> address, List<String> queues, Lookup lookup, Duration maxAge, Clock clock) {
        this.address = address;
        this.queues = List.copyOf(queues);
        this.lookup = lookup;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    public synchronized BrokerView view() {
        long now = clock.millis();
        if (last == null || now - last.askedAt() >= maxAge.toMillis()) {
            last = ask(now);
        }
        return last;
    }

    private BrokerView ask(long now) {
        try {
            Map<String, QueueState> states = Map.copyOf(lookup.states(queues));
            return new BrokerView(address.get(), now, states, null);
        } catch (Exception | LinkageError e) {
            return new BrokerView(address.get(), now, Map.of(), oneLine(e));
        }
    }

    /** The innermost message, on one line: "Connection refused" says more than the wrapping exceptions. */
    static String oneLine(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null || cause.getMessage().isBlank()
                ? (e.getMessage() == null ? cause.getClass().getSimpleName() : e.getMessage())
                : cause.getMessage();
        return message.lines().findFirst().orElse(message).strip();
    }
}
