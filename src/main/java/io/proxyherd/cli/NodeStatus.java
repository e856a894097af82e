package io.proxyherd.cli;

import io.proxyherd.herd.NodeAddress;
import java.util.Set;

/** One row of {@code herd status}: a node, whether it serves, whom it floods to, and who reads its queue. */
public record NodeStatus(NodeAddress address, boolean up, Set<String> neighbours, String queue, ConsumerCount consumers) {}
