package io.proxyherd.console;

import io.proxyherd.activity.NodeActivity;
import io.proxyherd.flood.LocationRegistry;
import io.proxyherd.herd.BrokerWatch;
import io.proxyherd.topology.LocalNode;
import io.proxyherd.listener.ClientListener;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.lang.management.ManagementFactory;

/** Gathers this node's report from the listener, the broker watch and the activity figures. */
@ApplicationScoped
public class NodeReports {

    @Inject
    LocalNode node;

    @Inject
    ClientListener listener;

    @Inject
    BrokerWatch broker;

    @Inject
    NodeActivity activity;

    @Inject
    LocationRegistry registry;

    public JsonObject current() {
        boolean ready = listener.isListening() && broker.ownQueueConsumed();
        return NodeReport.of(node, ManagementFactory.getRuntimeMXBean().getStartTime(), listener.openConnections(),
                registry.size(), ready, activity.snapshot());
    }
}
