package io.proxyherd.cli;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The herd command line run as {@code ./herd} runs it: a JVM of its own on target/classes and
 * target/launcher.classpath, in this checkout. What it prints is kept line by line, with when each line came,
 * and echoed to the test's output, so that a failure's report shows it.
 */
final class CliProcess implements AutoCloseable {

    /** A line the command printed, and when it arrived (System.nanoTime). */
    record Line(String text, long receivedNanos) {}

    /** The summary {@code herd up} prints once every node serves. */
    private static final Pattern HERD_UP = Pattern.compile("Herd up in (\\d+\\.\\d) s: .*");
    /** CSI sequences ({@code ESC [ ... final}) and the two-character keypad mode switches ({@code ESC =}, {@code ESC >}). */
    private static final Pattern CONTROL_SEQUENCE = Pattern.compile("\u001b\\[[0-?]*[ -/]*[@-~]|\u001b[=>]");

    private final String name;
    private final Process process;
    private final Output out;
    private final Output err;

    private CliProcess(String name, Process process) {
        this.name = name;
        this.process = process;
        this.out = new Output(name, process.getInputStream());
        this.err = new Output(name + " stderr", process.getErrorStream());
    }

    /** Runs {@code herd ARGS...}, with the environment changed as {@code environment} says. */
    static CliProcess start(Consumer<Map<String, String>> environment, String... args) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(javaCommand(args));
        withoutTheTestNodesAccount(builder.environment());
        environment.accept(builder.environment());
        return new CliProcess("herd " + String.join(" ", args), builder.start());
    }

    /** The test JVM has the broker account of the node Arquillian deploys (pom.xml); a herd command finds its own. */
    private static void withoutTheTestNodesAccount(Map<String, String> environment) {
        environment.remove("HERD_BROKER_USER");
        environment.remove("HERD_BROKER_PASSWORD");
    }

    static CliProcess start(String... args) throws IOException {
        return start(environment -> {}, args);
    }

    /**
     * {@code herd --config CONFIG up OPTIONS... --data STATE/data --logs STATE/logs}, with no Places key (WHATSAT
     * answers from the offline set), once it has printed its summary.
     */
    static CliProcess herdUp(String config, Path state, Duration timeout, String... options) throws IOException {
        List<String> args = new ArrayList<>(List.of("--config", config, "up"));
        args.addAll(List.of(options));
        args.addAll(List.of(
                "--data",
                state.resolve("data").toString(),
                "--logs",
                state.resolve("logs").toString()));
        CliProcess up = start(
                environment -> {
                    environment.remove("PLACES_API_KEY");
                    environment.put("PLACES_PROVIDER", "auto");
                },
                args.toArray(String[]::new));
        up.awaitOut(HERD_UP, timeout);
        return up;
    }

    /** Stops a {@code herd up} as SIGTERM does, and waits until it has stopped its herd. */
    void stopHerd() throws InterruptedException {
        process.toHandle().destroy();
        awaitExit(Duration.ofMinutes(2));
        close();
    }

    /** The node process of {@code herd up} that runs the named node (Payara's {@code --name}). */
    ProcessHandle nodeProcess(String node) {
        List<ProcessHandle> found = process.descendants()
                .filter(ProcessHandle::isAlive)
                .filter(child -> child.info()
                        .arguments()
                        .map(List::of)
                        .filter(arguments -> arguments.indexOf("--name") >= 0
                                && node.equals(arguments.get(arguments.indexOf("--name") + 1)))
                        .isPresent())
                .toList();
        if (found.size() != 1) {
            throw new AssertionError("expected one process of " + node + " under " + name + ", found " + found.size());
        }
        return found.get(0);
    }

    /** Runs {@code herd ARGS...} in a pseudo-terminal, an xterm of 120 columns, through util-linux's {@code script}. */
    static CliProcess startInPseudoTerminal(String... args) throws IOException {
        StringBuilder command = new StringBuilder("stty cols 120 rows 40; exec");
        javaCommand(args)
                .forEach(word ->
                        command.append(" '").append(word.replace("'", "'\\''")).append('\''));
        // -e: script exits with the command's exit code; -f: what the command prints is passed on at once.
        ProcessBuilder builder = new ProcessBuilder("script", "-qfec", command.toString(), "/dev/null");
        withoutTheTestNodesAccount(builder.environment());
        builder.environment().put("TERM", "xterm");
        return new CliProcess("herd " + String.join(" ", args) + " (in an xterm)", builder.start());
    }

    static boolean pseudoTerminalsAvailable() {
        return Files.isExecutable(Path.of("/usr/bin/script")) || Files.isExecutable(Path.of("/bin/script"));
    }

    private static List<String> javaCommand(String... args) throws IOException {
        String classpath = Path.of("target", "classes").toAbsolutePath()
                + File.pathSeparator
                + Files.readString(Path.of("target", "launcher.classpath"), StandardCharsets.UTF_8)
                        .strip();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                classpath,
                HerdCommand.class.getName()));
        command.addAll(List.of(args));
        return command;
    }

    Process process() {
        return process;
    }

    List<Line> outLines() {
        return out.lines;
    }

    List<String> out() {
        return out.texts();
    }

    List<String> err() {
        return err.texts();
    }

    /**
     * What stdout shows at a terminal, as text: control sequences (cursor moves, erasing, mode switches) removed, so
     * that a line reads the same whether the line editor drew it above its prompt or printed it between two prompts.
     */
    String screenText() {
        return CONTROL_SEQUENCE.matcher(out.raw).replaceAll("");
    }

    void type(String text) throws IOException {
        process.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().flush();
    }

    void endInput() throws IOException {
        process.getOutputStream().close();
    }

    /** The first line of stdout the pattern matches, once it has come; fails with the transcript if the command ends first. */
    Line awaitOut(Pattern pattern, Duration timeout) {
        awaitOrFail(
                "a line matching " + pattern,
                timeout,
                () -> out.lines.stream()
                        .anyMatch(line -> pattern.matcher(line.text()).matches()));
        return out.lines.stream()
                .filter(line -> pattern.matcher(line.text()).matches())
                .findFirst()
                .orElseThrow();
    }

    /** The first line of stderr the pattern matches, once it has come; fails with the transcript if the command ends first. */
    Line awaitErr(Pattern pattern, Duration timeout) {
        awaitOrFail(
                "a line on stderr matching " + pattern,
                timeout,
                () -> err.lines.stream()
                        .anyMatch(line -> pattern.matcher(line.text()).matches()));
        return err.lines.stream()
                .filter(line -> pattern.matcher(line.text()).matches())
                .findFirst()
                .orElseThrow();
    }

    /** Waits until the {@link #screenText() screen text} holds {@code count} matches of the pattern, and returns them. */
    List<MatchResult> awaitScreen(Pattern pattern, int count, Duration timeout) {
        awaitOrFail(
                count + " x " + pattern,
                timeout,
                () -> pattern.matcher(screenText()).results().count() >= count);
        return pattern.matcher(screenText()).results().toList();
    }

    /** The exit code, once the command has ended and all it printed is read; fails with the transcript on timeout. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError(name + " still running after " + timeout.toSeconds() + " s\n" + transcript());
        }
        out.reader.join(10_000);
        err.reader.join(10_000);
        return process.exitValue();
    }

    private void awaitOrFail(String what, Duration timeout, java.util.concurrent.Callable<Boolean> seen) {
        try {
            await(what)
                    .atMost(timeout)
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> seen.call() || !process.isAlive());
            if (!seen.call()) {
                out.reader.join(10_000);
                err.reader.join(10_000);
                throw new AssertionError(name + " ended (exit code " + process.exitValue() + ") before printing " + what
                        + "\n" + transcript());
            }
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(
                    name + " had not printed " + what + " after " + timeout.toSeconds() + " s\n" + transcript(), e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    String transcript() {
        return "--- stdout of " + name + ":\n" + out.raw + "\n--- stderr:\n" + err.raw + "\n---";
    }

    /** Kills what is left of the command and of every process it started; for clean-up after a failure. */
    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /** One of the command's output streams, read as it comes. */
    private static final class Output {

        final List<Line> lines = new CopyOnWriteArrayList<>();
        final StringBuffer raw = new StringBuffer();
        final Thread reader;

        Output(String name, InputStream stream) {
            reader = new Thread(() -> read(name, stream), "reading " + name);
            reader.setDaemon(true);
            reader.start();
        }

        private void read(String name, InputStream stream) {
            StringBuilder line = new StringBuilder();
            char[] chunk = new char[4096];
            try (Reader in = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
                for (int count = in.read(chunk); count >= 0; count = in.read(chunk)) {
                    raw.append(chunk, 0, count);
                    for (int i = 0; i < count; i++) {
                        if (chunk[i] == '\n') {
                            String text = line.toString().replaceAll("\r+$", "");
                            lines.add(new Line(text, System.nanoTime()));
                            System.out.println("[" + name + "] " + text);
                            line.setLength(0);
                        } else {
                            line.append(chunk[i]);
                        }
                    }
                }
            } catch (IOException e) {
                // the stream was closed: the output ends here
            }
        }

        List<String> texts() {
            return lines.stream().map(Line::text).toList();
        }
    }
}
