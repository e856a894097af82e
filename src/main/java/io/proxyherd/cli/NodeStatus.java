package io.proxyherd.cli;

import io.proxyherd.broker.QueueState;
import io.proxyherd.topology.NodeAddress;
import java.util.Set;

/** One row of {@code herd status}: a node, whether it serves, whom it floods to, and its queue as the broker sees it. */
public record NodeStatus(NodeAddress address, boolean up, Set<String> neighbours, QueueState queue) {}
