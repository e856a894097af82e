package io.proxyherd.herd;

import io.proxyherd.flood.FloodRules;
import io.proxyherd.flood.Update;
import io.proxyherd.protocol.AtLine;
import io.proxyherd.protocol.IAmAt;
import io.proxyherd.topology.LocalNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;

/** A client's report at this node: stamped with the node's name and receive time, sent to the herd if news. */
@ApplicationScoped
public class Flooding {

    @Inject
    LocalNode node;

    @Inject
    FloodRules rules;

    @Inject
    FloodOutbox outbox;

    private final Clock clock = Clock.systemUTC();

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
