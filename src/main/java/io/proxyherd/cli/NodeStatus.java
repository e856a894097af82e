package io.proxyherd.cli;

import io.proxyherd.broker.QueueState;
import io.proxyherd.topology.NodeAddress;
import java.util.Set;

/** One row of {@code herd status}: a node, its health, whom it floods to, and its queue as the broker sees it. */
record NodeStatus(NodeAddress address, Health health, Set<String> neighbours, QueueState queue) {}
