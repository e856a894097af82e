package io.proxyherd.herd;

import io.proxyherd.health.HealthChecks;
import io.proxyherd.topology.LocalNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * The application is deployed and answers. Nothing the node depends on (the broker, Places, its peers)
 * takes part: restarting the node would not bring them back.
 */
@Liveness
@ApplicationScoped
public class NodeLiveness implements HealthCheck {

    @Inject
    LocalNode node;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named(HealthChecks.NODE)
                .up()
                .withData("name", node.name())
                .build();
    }
}
