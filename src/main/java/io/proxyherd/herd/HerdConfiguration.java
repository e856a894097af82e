package io.proxyherd.herd;

import io.proxyherd.flood.BatchBounds;
import io.proxyherd.flood.FloodCodec;
import io.proxyherd.flood.FloodLinks;
import io.proxyherd.flood.FloodRules;
import io.proxyherd.flood.LocationRegistry;
import io.proxyherd.topology.LocalNode;
import io.proxyherd.topology.Topology;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Makes the herd's plain parts injectable: the topology and this node's place in it (the node's name
 * comes from HERD_NODE), what the node knows, the flood rules and wire format, and the path of a client's
 * report (Flooding, the outbox). They are singletons, injected as themselves: a call through a
 * container's client proxy, as to an application-scoped bean, costs an interception context per call,
 * which under load was a tenth of what the listener allocated (async-profiler).
 */
@ApplicationScoped
public class HerdConfiguration {

    @Inject
    Config config;

    @Inject
    @ConfigProperty(name = "herd.node")
    String nodeName;

    @Inject
    @ConfigProperty(name = "herd.flood.batch-max-updates")
    int batchMaxUpdates;

    @Inject
    @ConfigProperty(name = "herd.flood.batch-max-bytes")
    int batchMaxBytes;

    @Produces
    @Singleton
    Topology topology() {
        return Topology.from(key -> config.getOptionalValue(key, String.class));
    }

    @Produces
    @Singleton
    LocalNode localNode(Topology topology) {
        return new LocalNode(topology.node(nodeName), topology.neighbours(nodeName));
    }

    @Inject
    @ConfigProperty(name = "herd.state.file")
    Optional<String> stateFile;

    /** What the node knows, starting from what it kept when it last stopped (see {@link RegistrySnapshots}). */
    @Produces
    @Singleton
    LocationRegistry registry() {
        return RegistrySnapshots.loaded(stateFile);
    }

    @Produces
    @Singleton
    FloodCodec codec() {
        return new FloodCodec(new BatchBounds(batchMaxUpdates, batchMaxBytes));
    }

    @Produces
    @Singleton
    FloodRules rules(LocalNode node, LocationRegistry registry, FloodLinks links) {
        return new FloodRules(node, registry, links);
    }

    @Resource
    ManagedThreadFactory threads;

    @Inject
    @ConfigProperty(name = "herd.flood.senders")
    int senders;

    @Produces
    @Singleton
    FloodOutbox outbox(FloodLinks links, LocalNode node) {
        return FloodOutbox.start(threads, links, node, senders, batchMaxUpdates);
    }

    void stopOutbox(@Disposes FloodOutbox outbox) {
        outbox.stop();
    }

    @Produces
    @Singleton
    Flooding flooding(LocalNode node, FloodRules rules, FloodOutbox outbox) {
        return new Flooding(node, rules, outbox, Clock.systemUTC());
    }
}
