package io.proxyherd.activity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.eclipse.microprofile.metrics.MetricRegistry;

/** Makes the node's one {@link NodeActivity} injectable, reporting to the application's metric registry too. */
@ApplicationScoped
public class ActivityConfiguration {

    @Inject
    MetricRegistry metrics;

    @Produces
    @Singleton
    NodeActivity activity() {
        return new NodeActivity(Clock.systemUTC(), new MetricsSink(metrics));
    }

    /** Registers the metrics at start, so /metrics shows them at zero before anything happens. */
    void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted, NodeActivity activity) {
        activity.snapshot();
    }
}
