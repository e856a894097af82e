package io.proxyherd.launcher;

import io.proxyherd.topology.NodeAddress;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntConsumer;

/** One node of the local herd: a Payara Micro process with the resource adapter deployed before the WAR. */
public final class NodeProcess implements AutoCloseable {

    private final NodeAddress address;
    private final Path log;
    private final BootLog boot;
    private final ChildProcess process;

    /** Starts the process; the log's end is noted first, so that this boot's lines are told from earlier ones. */
    private NodeProcess(NodeAddress address, ProcessBuilder builder, Path log, Path war) throws IOException {
        this.address = address;
        this.log = log;
        this.boot = BootLog.startingAt(log, war.getFileName().toString().replaceFirst("\\.war$", ""));
        this.process = new ChildProcess(builder.start());
    }

    public static NodeProcess start(NodeAddress address, HerdFiles files, Map<String, String> environment)
            throws IOException {
        Files.createDirectories(files.logs());
        Path log = files.logs().resolve(address.name() + ".log");
        List<String> command = NodeCommand.of(address, files, loggingProperties(address, files, log), List.of());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(files.logs().resolve(address.name() + ".out").toFile());
        builder.environment().putAll(environment);
        builder.environment().put("HERD_NODE", address.name());
        // The node's own records are written by the application (io.proxyherd.logging.NodeLog), into the same file.
        builder.environment().put("HERD_LOG_FILE", log.toAbsolutePath().toString());
        builder.environment()
                .put(
                        "HERD_STATE_FILE",
                        registryFile(address, files).toAbsolutePath().toString());
        return new NodeProcess(address, builder, log, files.war());
    }

    /** Where the node keeps what it knows between runs (io.proxyherd.herd.RegistrySnapshots). */
    private static Path registryFile(NodeAddress address, HerdFiles files) {
        return files.nodeData(address.name()).resolve("registry.txt");
    }

    /** The herd's logging settings with this node's log file filled in. */
    static Path loggingProperties(NodeAddress address, HerdFiles files, Path log) throws IOException {
        Path template = files.config().resolveSibling("logging.properties");
        Path properties = files.nodeData(address.name()).resolve("logging.properties");
        Files.createDirectories(properties.getParent());
        String text = Files.readString(template, StandardCharsets.UTF_8)
                .replace("@NODE_LOG@", log.toAbsolutePath().toString().replace("\\", "/"));
        Files.writeString(properties, text, StandardCharsets.UTF_8);
        return properties;
    }

    public NodeAddress address() {
        return address;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The exit code, or -1 while the process runs. */
    public int exitCode() {
        return process.exitCode();
    }

    /** Waits until the process has exited and returns its exit code. */
    public int waitFor() throws InterruptedException {
        return process.waitFor();
    }

    public void onExit(IntConsumer action) {
        process.onExit(action);
    }

    public Path log() {
        return log;
    }

    /**
     * Why the node cannot serve although Payara has booted: its application did not deploy (see {@link BootLog});
     * empty while it boots and once it has deployed.
     */
    public Optional<String> deploymentFailure() {
        return boot.outcome() instanceof BootLog.NotDeployed notDeployed
                ? Optional.of(notDeployed.reason())
                : Optional.empty();
    }

    /** True once the application itself serves (see {@link ReadinessProbe}). */
    public boolean isReady() {
        return ReadinessProbe.isReady(address);
    }

    /** The last lines of the node's log, to say why it failed. */
    public List<String> logTail(int lines) {
        for (Path file : List.of(log, log.resolveSibling(address.name() + ".out"))) {
            try {
                if (Files.isRegularFile(file) && Files.size(file) > 0) {
                    List<String> all = Files.readAllLines(file);
                    return all.subList(Math.max(0, all.size() - lines), all.size());
                }
            } catch (IOException e) {
                // try the next file
            }
        }
        return List.of();
    }

    /** Kills the process at once and waits until it is gone. */
    public void kill() {
        process.kill();
    }

    /** Asks Payara to shut down, and kills it if it has not within the grace period. */
    @Override
    public void close() {
        process.stop();
    }
}
