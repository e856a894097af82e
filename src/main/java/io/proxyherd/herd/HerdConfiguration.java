package io.proxyherd.herd;

import io.proxyherd.topology.LocalNode;
import io.proxyherd.topology.Topology;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Makes the herd's topology and this node's place in it injectable (the node's name comes from HERD_NODE). */
@ApplicationScoped
public class HerdConfiguration {

    @Inject
    Config config;

    @Inject
    @ConfigProperty(name = "herd.node")
    String nodeName;

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
}
