package io.proxyherd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class HerdCommandTest {

    @TempDir
    Path folder;

    /** Every subcommand the command line has, so that one added later is covered too. */
    static Stream<String> subcommands() {
        return HerdCommand.commandLine().getSubcommands().keySet().stream();
    }

    @Test
    void theOperationsGuideShowsEverySubcommand() throws Exception {
        String guide = Files.readString(Path.of("docs", "operations.md"), StandardCharsets.UTF_8);

        assertThat(subcommands())
                .isNotEmpty()
                .allSatisfy(subcommand -> assertThat(guide).contains("./herd " + subcommand));
    }

    @ParameterizedTest
    @ValueSource(strings = {"--help", "-h"})
    void helpPrintsTheUsageAndExitsZero(String help) {
        CliRun run = CliRun.of(help);

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .startsWith("Usage: herd ")
                .contains("--config")
                .contains(subcommands().toList());
        assertThat(run.err()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("subcommands")
    void helpOnEverySubcommandPrintsItsUsageAndExitsZero(String subcommand) {
        for (String help : List.of("--help", "-h")) {
            CliRun run = CliRun.of(subcommand, help);

            assertThat(run.exitCode()).as(subcommand + " " + help).isZero();
            assertThat(run.out()).startsWith("Usage: herd " + subcommand + " ").contains("--config", "--help");
            assertThat(run.err()).isEmpty();
        }
    }

    @Test
    void eachSubcommandsHelpNamesItsOwnOptions() {
        assertThat(CliRun.of("up", "--help").out()).contains("--data=DIR", "--logs=DIR");
        assertThat(CliRun.of("send", "--help").out()).contains("NODE", "LINE...", "--timeout=SECONDS");
        assertThat(CliRun.of("client", "--help").out()).contains("NODE", "--timeout=SECONDS", "Without a terminal");
    }

    @Test
    void withoutASubcommandTheUsageGoesToStderr() {
        CliRun run = CliRun.of();

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("Usage: herd ").contains("up", "send", "client", "status");
    }

    @Test
    void anUnknownNodeIsOneLineAndAUsageExitCode() throws Exception {
        CliRun run = CliRun.of("--config", config(LineSenderTest.unusedPort()).toString(), "send", "Nowhere", "hello");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .hasLineCount(1)
                .startsWith("herd send: unknown node 'Nowhere'; the herd in ")
                .contains("has Alpha, Beta");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void anUnknownNodeInAClientSessionToo() throws Exception {
        CliRun run = CliRun.of(
                "client", "--config", config(LineSenderTest.unusedPort()).toString(), "Nowhere");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).hasLineCount(1).startsWith("herd client: unknown node 'Nowhere'");
    }

    @Test
    void aClientSendsEachPipedLineAndPrintsTheRepliesUntilTheNodeCloses() throws Exception {
        try (LineStub stub = new LineStub()) {
            CliRun run = CliRun.withInput(
                    input("IAMAT kiwi +34.068930-118.445127 now\nbad line\nfine\n"),
                    "client",
                    "--config",
                    config(stub.port()).toString(),
                    "Alpha");

            assertThat(run.err()).isEmpty();
            assertThat(run.exitCode()).isZero();
            assertThat(stub.received()).hasSize(3);
            assertThat(stub.received().get(0)).matches("IAMAT kiwi \\+34\\.068930-118\\.445127 \\d{10}\\.\\d{9}");
            assertThat(run.out()).isEqualTo("ECHO " + stub.received().get(0) + "\n? bad line\nECHO fine\n");
        }
    }

    @Test
    void aClientWithNothingPipedInExitsOnceTheNodeCloses() throws Exception {
        try (LineStub stub = new LineStub()) {
            CliRun run = CliRun.withInput(
                    input(""), "client", "--config", config(stub.port()).toString(), "Alpha");

            assertThat(run.exitCode()).isZero();
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).isEmpty();
            assertThat(stub.connections()).isEqualTo(1);
        }
    }

    @Test
    void aClientWhoseNodeRefusesTheConnectionIsOneLine() throws Exception {
        int port = LineSenderTest.unusedPort();
        CliRun run = CliRun.withInput(input("hello\n"), "--config", config(port).toString(), "client", "Alpha");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .isEqualTo("herd client: cannot connect to Alpha at localhost:" + port + ": Connection refused\n");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aNodeThatClosesBeforeTheInputEndsFailsTheClient() throws Exception {
        try (ServerSocket node = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                PipedOutputStream typing = new PipedOutputStream()) {
            Thread closing = new Thread(() -> {
                try (Socket connection = node.accept()) {
                    connection.getOutputStream().write("bye\n".getBytes(StandardCharsets.UTF_8));
                } catch (IOException e) {
                    // the test fails on the client's side
                }
            });
            closing.start();
            CliRun run = CliRun.withInput(
                    new PipedInputStream(typing),
                    "--config",
                    config(node.getLocalPort()).toString(),
                    "client",
                    "Alpha");

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.out()).isEqualTo("bye\n");
            assertThat(run.err()).isEqualTo("herd client: Alpha closed the connection before the end of the input\n");
        }
    }

    @Test
    void aNodeThatDoesNotCloseAfterTheInputEndsFailsTheClientAfterItsTimeout() throws Exception {
        try (ServerSocket node = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CliRun run = CliRun.withInput(
                    input("hello\n"),
                    "--config",
                    config(node.getLocalPort()).toString(),
                    "client",
                    "--timeout",
                    "1",
                    "Alpha");

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err())
                    .isEqualTo("herd client: Alpha had not finished answering 1 s after the end of the input\n");
        }
    }

    @Test
    void anUnknownSubcommandOrOptionIsOneLine() {
        assertThat(CliRun.of("stat").err()).hasLineCount(1).startsWith("herd: Unmatched argument");
        CliRun run = CliRun.of("status", "--verbose");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).hasLineCount(1).startsWith("herd status: Unknown option: '--verbose'");
    }

    @Test
    void sendWithoutALineIsAUsageError() {
        CliRun run = CliRun.of("send", "Welsh");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).hasLineCount(1).startsWith("herd send: Missing required parameter");
    }

    @Test
    void aMissingConfigurationIsOneLine() {
        CliRun run = CliRun.of("--config", folder.resolve("absent.properties").toString(), "status");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).hasLineCount(1).startsWith("herd status: cannot read the herd configuration ");
    }

    @Test
    void sendFillsInNowAndPrintsTheRepliesUntilTheNodeCloses() throws Exception {
        try (LineStub stub = new LineStub()) {
            CliRun run = CliRun.of(
                    "send",
                    "--config",
                    config(stub.port()).toString(),
                    "Alpha",
                    "IAMAT kiwi +34.068930-118.445127 now",
                    "WHATSAT kiwi 10 now");

            assertThat(run.exitCode()).isZero();
            assertThat(run.err()).isEmpty();
            assertThat(stub.received()).hasSize(2);
            assertThat(stub.received().get(0)).matches("IAMAT kiwi \\+34\\.068930-118\\.445127 \\d{10}\\.\\d{9}");
            assertThat(stub.received().get(1)).isEqualTo("WHATSAT kiwi 10 now");
            assertThat(run.out()).isEqualTo("ECHO " + stub.received().get(0) + "\nECHO WHATSAT kiwi 10 now\n");
        }
    }

    @Test
    void aLineTheNodeDidNotUnderstandIsPrintedAndFailsTheCommand() throws Exception {
        try (LineStub stub = new LineStub()) {
            CliRun run = CliRun.of("--config", config(stub.port()).toString(), "send", "Alpha", "bad line", "fine");

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.out()).isEqualTo("? bad line\nECHO fine\n");
            assertThat(run.err()).isEqualTo("herd send: Alpha did not understand 'bad line'\n");
        }
    }

    @Test
    void aLineWithALineBreakIsRefusedBeforeConnecting() throws Exception {
        try (LineStub stub = new LineStub()) {
            CliRun run = CliRun.of("--config", config(stub.port()).toString(), "send", "Alpha", "one\ntwo");

            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).hasLineCount(1).startsWith("herd send: a LINE must not contain a line break");
            assertThat(stub.connections()).isZero();
        }
    }

    @Test
    void aNodeThatRefusesTheConnectionIsOneLine() throws Exception {
        int port = LineSenderTest.unusedPort();
        CliRun run = CliRun.of("--config", config(port).toString(), "send", "Beta", "hello");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .isEqualTo("herd send: cannot connect to Beta at localhost:" + (port + 1) + ": Connection refused\n");
    }

    @Test
    void statusWithNothingRunningMarksEveryNodeDownAndTheBrokerUnreachable() throws Exception {
        int port = LineSenderTest.unusedPort();
        CliRun run = CliRun.of("status", "--config", config(port).toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out().lines().toList()).hasSize(3);
        assertThat(run.out().lines().skip(1))
                .allSatisfy(row -> assertThat(row).contains(" down ").endsWith("broker unreachable  -"));
        assertThat(run.err())
                .hasLineCount(1)
                .startsWith("herd status: Alpha, Beta are down; the broker at localhost:" + (port + 3)
                        + " or localhost:" + (port + 4) + " is unreachable (");
    }

    private static InputStream input(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A two-node herd whose ports start at {@code port} (Alpha's client port): Beta's is next, then the HTTP ports, then the broker. */
    private Path config(int port) throws Exception {
        Path file = folder.resolve("herd.properties");
        Files.writeString(
                file, """
                herd.nodes=Alpha,Beta
                herd.links=Alpha-Beta
                herd.node.Alpha.host=localhost
                herd.node.Alpha.client-port=%d
                herd.node.Alpha.http-port=%d
                herd.node.Beta.host=localhost
                herd.node.Beta.client-port=%d
                herd.node.Beta.http-port=%d
                herd.broker.host=localhost
                herd.broker.port=%d
                herd.broker.backup-host=localhost
                herd.broker.backup-port=%d
                """.formatted(port, port + 2, port + 1, port + 2, port + 3, port + 4), StandardCharsets.UTF_8);
        return file;
    }
}
