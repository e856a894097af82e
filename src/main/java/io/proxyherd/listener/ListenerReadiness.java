package io.proxyherd.listener;

import io.proxyherd.health.HealthChecks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** The node is ready once clients can connect. */
@Readiness
@ApplicationScoped
public class ListenerReadiness implements HealthCheck {

    @Inject
    ClientListener listener;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named(HealthChecks.CLIENT_LISTENER)
                .status(listener.isListening())
                .withData("port", listener.port())
                .withData("connections", listener.openConnections())
                .build();
    }
}
