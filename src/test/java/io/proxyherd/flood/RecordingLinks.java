package io.proxyherd.flood;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Flood links that keep what the rules sent, and fail every send while told to. */
final class RecordingLinks implements FloodLinks {

    record Sent(Lane lane, Set<String> nodes, Set<String> heldBy, List<Update> updates) {}

    final List<Sent> sent = new ArrayList<>();
    boolean failing;

    @Override
    public void send(Lane lane, Set<String> nodes, Set<String> heldBy, List<Update> updates) {
        if (failing) {
            throw new LinkFailure("the broker is away", null);
        }
        sent.add(new Sent(lane, Set.copyOf(nodes), Set.copyOf(heldBy), List.copyOf(updates)));
    }

    @Override
    public void requestCatchUp(String neighbour) {
        // Asking is the node's job when it starts (CatchUp), never the rules'.
        throw new UnsupportedOperationException("the flood rules asked " + neighbour + " to catch up");
    }
}
