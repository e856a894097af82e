package io.proxyherd.topology;

import java.util.Set;
import java.util.stream.Collectors;

/** This node: its name and addresses, and the nodes it floods to. */
public record LocalNode(NodeAddress address, Set<String> neighbours) {

    public String name() {
        return address.name();
    }

    /** Where an update that came from {@code sender} goes next: every neighbour but the sender. */
    public Set<String> neighboursExcept(String sender) {
        return neighbours.stream().filter(node -> !node.equals(sender)).collect(Collectors.toUnmodifiableSet());
    }
}
