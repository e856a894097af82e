package io.proxyherd.herd;

import io.proxyherd.protocol.AtLine;
import io.proxyherd.protocol.IAmAt;
import io.proxyherd.topology.LocalNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.logging.Logger;

/**
 * Keeps the herd in agreement: an IAMAT that changes what this node knows goes to every neighbour;
 * a flooded update that changes it goes on to every neighbour but its sender; anything else stops here.
 */
@ApplicationScoped
public class Flooding {

    private static final Logger LOG = Logger.getLogger(Flooding.class.getName());

    @Inject
    LocalNode node;

    @Inject
    LocationRegistry registry;

    @Inject
    FloodOutbox outbox;

    @Inject
    FloodPublisher publisher;

    private final Clock clock = Clock.systemUTC();

    /** Stamps a client's IAMAT with this node's name and receive time; floods it if it is news. */
    public AtLine report(IAmAt iamat) {
        AtLine line = AtLine.stamp(node.name(), clock.instant(), iamat);
        if (registry.offer(line)) {
            outbox.publish(line.clientId(), new FloodMessage(line.text(), node.name(), clock.millis()));
        }
        return line;
    }

    /**
     * Takes an update from a neighbour. A forward that fails throws, so the broker redelivers the update;
     * a redelivered update that is still the latest is forwarded again, since the first attempt may not
     * have reached every neighbour.
     */
    public void receive(FloodMessage message, boolean redelivered) {
        LOG.info(() -> "flood received from " + message.from() + ": " + message.atLine());
        AtLine line = AtLine.parse(message.atLine()).orElse(null);
        if (line == null) {
            LOG.warning(() -> "dropped a flood message from " + message.from() + " that is not an AT line: " + message.atLine());
            return;
        }
        if (registry.offer(line) || (redelivered && registry.holds(line))) {
            publisher.send(List.of(message.forwardedBy(node.name())), node.neighboursExcept(message.from()));
        }
    }
}
