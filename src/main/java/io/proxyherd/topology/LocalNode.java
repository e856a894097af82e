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

    /** This node and its neighbours: who holds an update this node sends to every neighbour, once it is stored. */
    public Set<String> withNeighbours() {
        Set<String> all = new HashSet<>(neighbours);
        all.add(name());
        return Set.copyOf(all);
    }
}
