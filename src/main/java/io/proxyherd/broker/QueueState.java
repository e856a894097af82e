package io.proxyherd.broker;

/** What the broker says of one queue: its consumers and the messages waiting in it, or why that is not known. */
public record QueueState(String queue, int consumers, long messages, String unknownBecause) {

    public static QueueState of(String queue, int consumers, long messages) {
        return new QueueState(queue, consumers, messages, null);
    }

    public static QueueState unknown(String queue, String because) {
        return new QueueState(queue, -1, -1, because);
    }

    public boolean known() {
        return unknownBecause == null;
    }
}
