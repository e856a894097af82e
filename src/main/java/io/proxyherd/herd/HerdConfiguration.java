package io.proxyherd.herd;

import io.proxyherd.flood.BatchBounds;
import io.proxyherd.flood.FloodCodec;
import io.proxyherd.flood.FloodLinks;
import io.proxyherd.flood.FloodRules;
import io.proxyherd.flood.LocationRegistry;
import io.proxyherd.topology.LocalNode;
import io.proxyherd.topology.Topology;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Makes the herd's plain parts injectable: the topology and this node's place in it (the node's name
 * comes from HERD_NODE), what the node knows, and the flood rules and wire format.
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
}
