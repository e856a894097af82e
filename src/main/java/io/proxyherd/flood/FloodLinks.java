package io.proxyherd.flood;

import java.util.List;
import java.util.Set;

/** How the flood rules reach other nodes; the node's JMS classes implement it over the broker. */
public interface FloodLinks {

    /**
     * Stores the updates on the lane's queue of each node, in as few messages as the batch bounds allow, each
     * message in a transaction of its own to every node: when this returns, every node will get them.
     * {@code heldBy} goes with them: every node that has them, or has them stored on its queue, once this send
     * is stored (the sender, the nodes sent to, and whoever held them before); a receiver need not send them to
     * any of those. Throws {@link LinkFailure} if a message was not stored, so the caller can try again (the
     * messages stored before it are then sent twice, and their receivers drop them as known).
     */
    void send(Lane lane, Set<String> nodes, Set<String> heldBy, List<Update> updates);

    /** Asks a neighbour, on its catch-up lane, to send this node everything it knows; throws if not stored. */
    void requestCatchUp(String neighbour);

    /** The broker did not store what was sent. */
    final class LinkFailure extends RuntimeException {

        public LinkFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
