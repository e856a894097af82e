package io.proxyherd.launcher;

import io.proxyherd.topology.NodeAddress;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The one place that says how a node is started: the JVM options of {@code server-config/node-jvm.options},
 * Payara from the shared runtime, and the node's own arguments. The local herd, {@code herd node} and the
 * class-data warm-up all start nodes with it.
 */
public final class NodeCommand {

    static final String CONFIG_DIR = "${configDir}";

    private NodeCommand() {}

    /** The node's full command line; {@code extraJvmOptions} come after the file's, so they win. */
    public static List<String> of(
            NodeAddress node, HerdFiles files, Path loggingProperties, List<String> extraJvmOptions)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions(files.nodeJvmOptions()));
        command.addAll(extraJvmOptions);
        Path instance = freshInstanceOf(node, files);
        command.addAll(files.runtime().javaCommandTail(instance));
        command.addAll(List.of(
                "--rootdir",
                instance.toString(),
                // --nohazelcast alone: with --nocluster beside it, Payara 6.2025.10 starts Hazelcast after all
                // (35 threads, about 4 s of a node's start).
                "--nohazelcast",
                "--disablephonehome",
                "--name",
                node.name(),
                "--port",
                Integer.toString(node.httpPort()),
                "--systemproperties",
                files.config().toString(),
                "--logproperties",
                loggingProperties.toString(),
                // Order matters: the WAR's message-driven bean needs the adapter already deployed.
                "--deploy",
                files.resourceAdapter().toString(),
                "--deploy",
                files.war().toString(),
                "--contextroot",
                "/"));
        return command;
    }

    /** The node's Payara instance folder (its domain.xml, deployed and generated files), made anew. */
    static Path freshInstanceOf(NodeAddress node, HerdFiles files) throws IOException {
        Path instance = files.nodeData(node.name()).resolve("payara");
        files.runtime().freshInstance(instance);
        return instance;
    }

    /**
     * The options of a {@code node-jvm.options} file, in their order, with {@value #CONFIG_DIR} standing for
     * the file's own folder (an option that names a file beside it works wherever the node starts).
     */
    static List<String> jvmOptions(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + " is missing: the node JVM options are read from it");
        }
        String folder = file.toAbsolutePath().getParent().toString();
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .map(option -> option.replace(CONFIG_DIR, folder))
                .toList();
    }
}
