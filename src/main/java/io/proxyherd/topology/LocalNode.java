package io.proxyherd.topology;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

/** This node: its name and addresses, and the nodes it floods to. */
public record LocalNode(NodeAddress address, Set<String> neighbours) {

    public String name() {
        return address.name();
    }

    /** The neighbours not among {@code nodes}. */
    public Set<String> neighboursOutside(Set<String> nodes) {
        return neighbours.stream().filter(node -> !nodes.contains(node)).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * Who holds updates this node sends to {@code to}, once the send is stored: those that held them before, this
     * node, and every node sent to.
     */
    public Set<String> heldOnceSent(Set<String> heldBefore, Set<String> to) {
        Set<String> holders = new HashSet<>(heldBefore);
        holders.add(name());
        holders.addAll(to);
        return Set.copyOf(holders);
    }
}
