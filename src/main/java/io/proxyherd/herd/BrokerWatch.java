package io.proxyherd.herd;

import io.proxyherd.broker.BrokerQueues;
import io.proxyherd.broker.BrokerView;
import io.proxyherd.broker.CachedQueues;
import io.proxyherd.topology.Topology;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The herd's queues as the broker's management API describes them, asked at most every
 * {@code herd.broker.watch-max-age-ms} over one connection kept between refreshes, with short timeouts
 * so a broker that is down answers fast.
 * The Artemis client comes from the resource adapter, whose classes Payara shares with every application.
 */
@ApplicationScoped
public class BrokerWatch {

    @Inject
    Topology topology;

    @Inject
    @ConfigProperty(name = "herd.broker.user")
    Optional<String> user;

    @Inject
    @ConfigProperty(name = "herd.broker.password")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "herd.broker.watch-timeout-ms")
    long timeoutMs;

    @Inject
    @ConfigProperty(name = "herd.broker.watch-max-age-ms")
    long maxAgeMs;

    private BrokerQueues broker;
    private CachedQueues queues;

    @PostConstruct
    void watch() {
        broker = new BrokerQueues(
                topology.brokers(), user.orElse(null), password.orElse(null), Duration.ofMillis(timeoutMs));
        queues = new CachedQueues(
                broker::address,
                topology.nodes().stream()
                        .map(address -> Topology.queueOf(address.name()))
                        .toList(),
                broker::states,
                Duration.ofMillis(maxAgeMs),
                Clock.systemUTC());
    }

    @PreDestroy
    void stop() {
        broker.close();
    }

    public BrokerView view() {
        return queues.view();
    }
}
