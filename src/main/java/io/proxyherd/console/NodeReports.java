package io.proxyherd.console;

import io.proxyherd.activity.NodeActivity;
import io.proxyherd.flood.LocationRegistry;
import io.proxyherd.listener.ClientListener;
import io.proxyherd.topology.LocalNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.lang.management.ManagementFactory;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Gathers this node's report from the listener, the activity figures and the node's readiness checks, whose rule
 * ({@code /health/ready}: every check up) says whether it is ready here too.
 */
@ApplicationScoped
public class NodeReports {

    @Inject
    LocalNode node;

    @Inject
    ClientListener listener;

    @Inject
    @Readiness
    Instance<HealthCheck> readiness;

    @Inject
    NodeActivity activity;

    @Inject
    LocationRegistry registry;

    public JsonObject current() {
        boolean ready = readiness.stream().allMatch(check -> check.call().getStatus() == HealthCheckResponse.Status.UP);
        return NodeReport.of(
                node,
                ManagementFactory.getRuntimeMXBean().getStartTime(),
                listener.openConnections(),
                registry.size(),
                ready,
                activity.snapshot());
    }
}
