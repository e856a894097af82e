package io.proxyherd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HerdCommandTest {

    @TempDir
    Path folder;

    @ParameterizedTest
    @ValueSource(strings = {"", "up", "send", "client", "status"})
    void helpPrintsUsageAndExitsZero(String subcommand) {
        CliRun run = subcommand.isEmpty() ? CliRun.of("--help") : CliRun.of(subcommand, "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("Usage: herd " + (subcommand.isEmpty() ? "" : subcommand + " ")).contains("--config");
        assertThat(run.err()).isEmpty();
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
        assertThat(run.err()).hasLineCount(1)
                .startsWith("herd send: unknown node 'Nowhere'; the herd in ")
                .contains("has Alpha, Beta");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void anUnknownNodeInAClientSessionToo() throws Exception {
        CliRun run = CliRun.of("client", "--config", config(LineSenderTest.unusedPort()).toString(), "Nowhere");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).hasLineCount(1).startsWith("herd client: unknown node 'Nowhere'");
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
            CliRun run = CliRun.of("send", "--config", config(stub.port()).toString(), "Alpha",
                    "IAMAT kiwi +34.068930-118.445127 now", "WHATSAT kiwi 10 now");

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
        assertThat(run.err()).isEqualTo("herd send: cannot connect to Beta at localhost:" + (port + 1) + ": Connection refused\n");
    }

    @Test
    void statusWithNothingRunningMarksEveryNodeDownAndTheBrokerUnreachable() throws Exception {
        int port = LineSenderTest.unusedPort();
        CliRun run = CliRun.of("status", "--config", config(port).toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out().lines().toList()).hasSize(3);
        assertThat(run.out().lines().skip(1)).allSatisfy(row -> assertThat(row).contains(" down ").endsWith("broker unreachable  -"));
        assertThat(run.err()).hasLineCount(1)
                .startsWith("herd status: Alpha, Beta are down; the broker at localhost:" + (port + 3) + " is unreachable (");
    }

    /** A two-node herd whose ports start at {@code port} (Alpha's client port): Beta's is next, then the HTTP ports, then the broker. */
    private Path config(int port) throws Exception {
        Path file = folder.resolve("herd.properties");
        Files.writeString(file, """
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
                """.formatted(port, port + 2, port + 1, port + 2, port + 3), StandardCharsets.UTF_8);
        return file;
    }
}
