package io.proxyherd.broker;

import java.util.Map;
import java.util.Optional;

/** What the broker said of the herd's queues when last asked, or why it could not be asked. */
public record BrokerView(String address, long askedAt, Map<String, QueueState> queues, String error) {

    public boolean reachable() {
        return error == null;
    }

    /** The queue's state if the broker described it. */
    public Optional<QueueState> queue(String name) {
        return Optional.ofNullable(queues.get(name)).filter(QueueState::known);
    }
}
