package io.proxyherd.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;

/**
 * One broker of a primary and backup pair ({@code herd up --ha}) in a JVM of its own, started from this JVM's own
 * classes, so that it can die, even by kill -9, while the herd runs. Its console goes to {@code logs/ROLE-broker.out}.
 */
public final class BrokerProcess implements AutoCloseable {

    private final ChildProcess process;
    private final Path out;

    private BrokerProcess(Process process, Path out) {
        this.process = new ChildProcess(process);
        this.out = out;
    }

    /** Starts the broker and returns once it serves (a primary) or waits for its primary (a backup). */
    static BrokerProcess start(HerdFiles files, BrokerRole role, Duration timeout)
            throws IOException, InterruptedException {
        Files.createDirectories(files.logs());
        Path out = files.logs().resolve(role.name().toLowerCase(Locale.ROOT) + "-broker.out");
        Files.deleteIfExists(out);
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                BrokerOnly.class.getName(),
                files.config().toAbsolutePath().toString(),
                files.brokerSettings().toAbsolutePath().toString(),
                files.data().toAbsolutePath().toString(),
                files.logs().toAbsolutePath().toString(),
                role.name());
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(out.toFile())
                .start();
        BrokerProcess broker = new BrokerProcess(process, out);
        String expected = role == BrokerRole.BACKUP ? BrokerOnly.WAITING : BrokerOnly.SERVING;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!broker.said(expected)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                broker.kill();
                throw new IllegalStateException("the " + role.name().toLowerCase(Locale.ROOT) + " broker did not "
                        + (process.isAlive() ? "start in " + timeout.toSeconds() + " s" : "start") + "; " + out
                        + " says: "
                        + String.join(" | ", broker.tail()));
            }
            Thread.sleep(50);
        }
        return broker;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** True once the broker serves clients: a backup only after it has taken over. */
    public boolean isServing() {
        return process.isAlive() && said(BrokerOnly.SERVING);
    }

    public void onExit(IntConsumer action) {
        process.onExit(action);
    }

    private boolean said(String text) {
        try {
            return Files.isRegularFile(out)
                    && Files.readString(out, StandardCharsets.UTF_8).contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    private List<String> tail() {
        try {
            List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
            return lines.subList(Math.max(0, lines.size() - 5), lines.size());
        } catch (IOException e) {
            return List.of("(nothing: " + e.getMessage() + ")");
        }
    }

    /** Kills the broker at once (SIGKILL), as a crash would, and waits until it is gone. */
    public void kill() {
        process.kill();
    }

    /** Asks the broker to stop (its shutdown hook stops Artemis), and kills it if it has not within 20 s. */
    @Override
    public void close() {
        process.stop();
    }
}
