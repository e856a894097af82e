package io.proxyherd.herd;

import io.proxyherd.flood.FloodRules;
import io.proxyherd.flood.Update;
import io.proxyherd.protocol.AtLine;
import io.proxyherd.protocol.IAmAt;
import io.proxyherd.topology.LocalNode;
import java.time.Clock;
import java.time.Instant;

/**
 * A client's report at this node: stamped with the node's name and receive time, sent to the herd if news.
 * One per node, made by {@link HerdConfiguration}.
 */
public final class Flooding {

    private final LocalNode node;
    private final FloodRules rules;
    private final FloodOutbox outbox;
    private final Clock clock;

    public Flooding(LocalNode node, FloodRules rules, FloodOutbox outbox, Clock clock) {
        this.node = node;
        this.rules = rules;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** The AT line for the client's IAMAT; the client is answered without waiting for the broker. */
    public AtLine report(IAmAt iamat) {
        Instant received = clock.instant();
        AtLine line = AtLine.stamp(node.name(), received, iamat);
        if (rules.originate(line)) {
            outbox.publish(new Update(line, received.toEpochMilli()));
        }
        return line;
    }
}
