package io.proxyherd.cli;

import static io.proxyherd.support.HerdClients.awaitKnown;
import static io.proxyherd.support.HerdClients.iamat;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * {@code herd stop|kill|start|restart} against a real {@code herd up} (lifecycle/herd.properties: ports 17000+,
 * broker 63616): one node at a time goes down and comes back while the others serve clients, and the node that
 * comes back knows the clients reported while it was down.
 */
@Timeout(value = 15, unit = TimeUnit.MINUTES)
@TestMethodOrder(OrderAnnotation.class)
class NodeLifecycleCliIT {

    private static final Duration LEARNED = Duration.ofSeconds(60);
    private static final Path STATE = Path.of("target", "lifecycle-it").toAbsolutePath();
    private static final String DATA = STATE.resolve("data").toString();
    private static final Map<String, Integer> PORTS =
            Map.of("Goloman", 17000, "Hands", 17001, "Holiday", 17002, "Welsh", 17003, "Wilkes", 17004);

    private static String config;
    private static CliProcess up;

    @BeforeAll
    static void startHerd() throws Exception {
        config = Path.of(NodeLifecycleCliIT.class
                        .getResource("/lifecycle/herd.properties")
                        .toURI())
                .toString();
        up = CliProcess.herdUp(config, STATE, Duration.ofMinutes(5));
    }

    @AfterAll
    static void stopHerd() throws Exception {
        if (up != null) {
            up.stopHerd();
        }
    }

    @Test
    @Order(1)
    void aStoppedNodeIsStoppedForStatusAndStartsAgainKnowingWhatItMissed() throws Exception {
        String before = iamat(port("Holiday"), "Holiday", "before-welsh-stops");
        awaitKnown(port("Welsh"), "before-welsh-stops", before, LEARNED);

        CliRun stop = herd("stop", "Welsh");

        assertThat(stop.exitCode()).as(stop.err()).isZero();
        assertThat(stop.out()).isEqualTo("Welsh stopped\n");
        up.awaitOut(Pattern.compile("Welsh stopped \\(herd stop\\)"), Duration.ofSeconds(10));
        String whileDown = iamat(port("Goloman"), "Goloman", "while-welsh-stopped");
        awaitKnown(port("Holiday"), "while-welsh-stopped", whileDown, LEARNED);
        CliRun status = CliRun.of("--config", config, "status", "--data", DATA);
        System.out.print("[herd status while Welsh is stopped]\n" + status.out());
        assertThat(rows(status))
                .allSatisfy((node, row) ->
                        assertThat(row.get(1)).as(node).isEqualTo(node.equals("Welsh") ? "stopped" : "up"));
        assertThat(status.exitCode()).as(status.err()).isZero();
        assertThat(herd("stop", "Welsh")).isEqualTo(new CliRun(1, "", "herd stop: Welsh is already stopped\n"));
        assertThat(herd("kill", "Welsh")).isEqualTo(new CliRun(1, "", "herd kill: Welsh is not running (stopped)\n"));

        startServingThroughout("start", "Welsh", "Welsh started; it serves on client port 17003");

        awaitKnown(port("Welsh"), "while-welsh-stopped", whileDown, LEARNED);
        awaitKnown(port("Welsh"), "before-welsh-stops", before, LEARNED);
        assertThat(herd("start", "Welsh")).isEqualTo(new CliRun(1, "", "herd start: Welsh is already running\n"));
    }

    @Test
    @Order(2)
    void aKilledNodeIsGoneAtOnceAndStartsAgainKnowingWhatItMissed() throws Exception {
        long pid = up.nodeProcess("Wilkes").pid();

        CliRun kill = herd("kill", "Wilkes");

        assertThat(kill.exitCode()).as(kill.err()).isZero();
        assertThat(kill.out()).isEqualTo("Wilkes killed\n");
        assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
        up.awaitOut(Pattern.compile("Wilkes killed \\(herd kill\\)"), Duration.ofSeconds(10));
        String whileDown = iamat(port("Hands"), "Hands", "while-wilkes-killed");
        awaitKnown(port("Goloman"), "while-wilkes-killed", whileDown, LEARNED);
        assertThat(rows(CliRun.of("--config", config, "status", "--data", DATA))
                        .get("Wilkes")
                        .get(1))
                .isEqualTo("killed");

        startServingThroughout("start", "Wilkes", "Wilkes started; it serves on client port 17004");

        awaitKnown(port("Wilkes"), "while-wilkes-killed", whileDown, LEARNED);
    }

    @Test
    @Order(3)
    void aRestartedNodeKnowsTheClientsReportedWhileItRestarted() throws Exception {
        long pid = up.nodeProcess("Hands").pid();

        startServingThroughout("restart", "Hands", "Hands restarted");

        assertThat(up.nodeProcess("Hands").pid()).isNotEqualTo(pid);
        up.awaitOut(Pattern.compile("Hands stopped \\(herd restart\\)"), Duration.ofSeconds(10));
        up.awaitOut(
                Pattern.compile("  Hands +ready again   client port 17001   after \\d+\\.\\d s"),
                Duration.ofSeconds(10));
        await("every node up")
                .atMost(60, SECONDS)
                .pollInterval(Duration.ofSeconds(1))
                .until(
                        () -> CliRun.of("--config", config, "status", "--data", DATA),
                        status -> status.exitCode() == 0
                                && rows(status).values().stream()
                                        .allMatch(row -> row.get(1).equals("up")));
    }

    @Test
    @Order(4)
    void anUnknownNodeIsRefusedWithTheHerdsNodes() {
        assertThat(herd("restart", "Nowhere"))
                .isEqualTo(
                        new CliRun(
                                1,
                                "",
                                "herd restart: unknown node 'Nowhere'; the herd's nodes are Goloman, Hands, Holiday, Welsh, Wilkes\n"));
    }

    @Test
    @Order(4)
    void withoutARunningHerdTheCommandSaysSo() {
        Path elsewhere = STATE.resolve("no-herd-here");

        CliRun run = CliRun.of("stop", "Welsh", "--data", elsewhere.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err())
                .isEqualTo("herd stop: no herd is running with the data folder " + elsewhere + " (no control socket "
                        + elsewhere.resolve("herd.sock") + "); ./herd up starts one\n");
    }

    /**
     * Runs {@code herd VERB NODE} (a start or a restart, which returns once the node serves) in a process of its own,
     * and meanwhile reports a client at one node and waits until another knows it; then the node that came back must
     * know that client too.
     */
    private static void startServingThroughout(String verb, String node, String reply) throws Exception {
        try (CliProcess command = CliProcess.start("--config", config, verb, node, "--data", DATA)) {
            String elsewhere = node.equals("Goloman") ? "Hands" : "Goloman";
            String client = "during-" + verb + "-of-" + node;
            String at = iamat(port(elsewhere), elsewhere, client);
            awaitKnown(port("Holiday"), client, at, LEARNED);

            assertThat(command.awaitExit(Duration.ofMinutes(5)))
                    .as(command.transcript())
                    .isZero();
            assertThat(command.out()).containsExactly(reply);
            awaitKnown(port(node), client, at, LEARNED);
        }
    }

    private static CliRun herd(String verb, String node) {
        return CliRun.of(verb, node, "--data", DATA);
    }

    private static int port(String node) {
        return PORTS.get(node);
    }

    private static Map<String, List<String>> rows(CliRun run) {
        return run.out()
                .lines()
                .skip(1)
                .map(line -> List.of(line.split(" +")))
                .collect(Collectors.toMap(row -> row.get(0), row -> row));
    }
}
