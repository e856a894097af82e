package io.proxyherd.herd;

import io.proxyherd.broker.BrokerView;
import io.proxyherd.health.HealthChecks;
import io.proxyherd.topology.LocalNode;
import io.proxyherd.topology.Topology;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** The node is ready only once its message-driven bean consumes its queue, as the broker counts it. */
@Readiness
@ApplicationScoped
public class FloodConsumerReadiness implements HealthCheck {

    @Inject
    BrokerWatch broker;

    @Inject
    LocalNode node;

    @Override
    public HealthCheckResponse call() {
        BrokerView view;
        try {
            view = broker.view();
        } catch (RuntimeException e) {
            // Payara may ask while the application is still deploying, before its configuration is readable.
            return HealthCheckResponse.named(HealthChecks.FLOOD_CONSUMER)
                    .down()
                    .withData("error", "not started yet")
                    .build();
        }
        String queue = Topology.queueOf(node.name());
        HealthCheckResponseBuilder response = HealthCheckResponse.named(HealthChecks.FLOOD_CONSUMER)
                .withData("queue", queue)
                .withData("broker", view.address());
        if (!view.reachable()) {
            return response.down().withData("error", view.error()).build();
        }
        return view.queue(queue)
                .map(state -> response.status(state.consumers() > 0)
                        .withData("consumers", state.consumers())
                        .withData("messages", state.messages()))
                .orElseGet(() -> response.down().withData("error", "the broker does not describe " + queue))
                .build();
    }
}
