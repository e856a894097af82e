package io.proxyherd.launcher;

import java.nio.file.Files;
import java.nio.file.Path;

/** The files a local herd is made of, found where the build puts them, and where it keeps its state. */
public record HerdFiles(
        Path config,
        Path nodeJvmOptions,
        Path brokerSettings,
        PayaraRuntime runtime,
        Path resourceAdapter,
        Path war,
        Path data,
        Path logs) {

    static final String NODE_JVM_OPTIONS = "node-jvm.options";
    static final String BROKER_SETTINGS = "broker.xml";

    /** The layout of a checkout after {@code ./mvnw package}. */
    public static HerdFiles inCheckout(Path root) {
        Path target = root.resolve("target");
        return new HerdFiles(
                root.resolve("server-config/herd.properties"),
                root.resolve("server-config").resolve(NODE_JVM_OPTIONS),
                root.resolve("server-config").resolve(BROKER_SETTINGS),
                new PayaraRuntime(target.resolve("payara-runtime")),
                target.resolve("artemis-ra.rar"),
                target.resolve("herd.war"),
                root.resolve("data"),
                root.resolve("logs"));
    }

    /**
     * The same build, running the herd another configuration describes: its logging.properties beside it,
     * and the node JVM options and broker settings beside it too if it has its own, else these.
     */
    public HerdFiles withConfig(Path otherConfig) {
        return new HerdFiles(
                otherConfig,
                ownOrThese(otherConfig, NODE_JVM_OPTIONS, nodeJvmOptions),
                ownOrThese(otherConfig, BROKER_SETTINGS, brokerSettings),
                runtime,
                resourceAdapter,
                war,
                data,
                logs);
    }

    private static Path ownOrThese(Path config, String name, Path these) {
        Path own = config.resolveSibling(name);
        return Files.isRegularFile(own) ? own : these;
    }

    /** The folder of the data folder that holds one node's own files (its Payara instance, settings, registry). */
    public Path nodeData(String node) {
        return data.resolve("nodes").resolve(node);
    }

    public HerdFiles withBrokerSettings(Path otherSettings) {
        return new HerdFiles(config, nodeJvmOptions, otherSettings, runtime, resourceAdapter, war, data, logs);
    }

    public HerdFiles withState(Path data, Path logs) {
        return new HerdFiles(config, nodeJvmOptions, brokerSettings, runtime, resourceAdapter, war, data, logs);
    }

    /** Fails with the first missing file named, and how to make it. */
    public void requireBuilt() {
        for (Path file : new Path[] {config, nodeJvmOptions, runtime.launcher(), resourceAdapter, war}) {
            if (!Files.isRegularFile(file)) {
                throw new IllegalStateException(file + " is missing: run ./mvnw package -DskipTests first");
            }
        }
    }
}
