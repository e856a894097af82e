package io.proxyherd.cli;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
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
 * The command line as a user runs it, against a real herd: {@code herd up} in a process of its own brings up the
 * broker and five Payara Micro nodes on ports of their own (cli/herd.properties), the other commands talk to it,
 * and the last test stops it as Ctrl-C or kill would.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
@TestMethodOrder(OrderAnnotation.class)
class HerdCliIT {

    private static final List<String> NODES = List.of("Goloman", "Hands", "Holiday", "Welsh", "Wilkes");
    private static final Pattern NODE_READY =
            Pattern.compile("  (\\w+) +ready   client port (\\d+)   http://localhost:(\\d+)/   after (\\d+\\.\\d) s");
    private static final Pattern AT_LINE =
            Pattern.compile("AT Welsh [+-]\\d+\\.\\d{9} kiwi\\.client \\+34\\.068930-118\\.445127 \\d{10}\\.\\d{9}");

    private static final Path STATE = Path.of("target", "cli-it").toAbsolutePath();

    private static String config;
    private static CliProcess up;

    @BeforeAll
    static void startHerdAsAUserDoes() throws Exception {
        config = Path.of(HerdCliIT.class.getResource("/cli/herd.properties").toURI())
                .toString();
        // No Places key: the nodes answer WHATSAT from the offline set shipped with the project.
        up = CliProcess.herdUp(config, STATE, Duration.ofMinutes(4));
    }

    @AfterAll
    static void killWhatIsLeft() {
        if (up != null) {
            up.close();
        }
    }

    @Test
    @Order(0)
    void upPrintsALineForEachNodeAsItBecomesReadyThenTheSummary() {
        List<CliProcess.Line> lines = up.outLines();

        assertThat(lines.get(0).text())
                .isEqualTo("Starting the broker and the herd's nodes (logs in " + STATE.resolve("logs") + ") ...");
        List<String> ready = new ArrayList<>();
        double seconds = 0;
        for (CliProcess.Line line : lines.subList(1, 1 + NODES.size())) {
            Matcher node = NODE_READY.matcher(line.text());
            assertThat(node.matches()).as(line.text()).isTrue();
            int index = NODES.indexOf(node.group(1));
            assertThat(node.group(2)).isEqualTo(Integer.toString(13000 + index));
            assertThat(node.group(3)).isEqualTo(Integer.toString(13080 + index));
            assertThat(Double.parseDouble(node.group(4))).isGreaterThanOrEqualTo(seconds);
            seconds = Double.parseDouble(node.group(4));
            ready.add(node.group(1));
        }
        assertThat(ready).containsExactlyInAnyOrderElementsOf(NODES);
        CliProcess.Line summary = lines.get(1 + NODES.size());
        assertThat(summary.text())
                .isEqualTo("Herd up in " + summary.text().split(" ")[3] + " s: 5 nodes, broker on "
                        + "localhost:62616 (journal in " + STATE.resolve("data").resolve("broker")
                        + "). Ctrl-C stops it.");
        assertThat(Double.parseDouble(summary.text().split(" ")[3])).isGreaterThanOrEqualTo(seconds);
        // Live: the first node's line came while the others were still starting, not with the summary.
        assertThat(Duration.ofNanos(summary.receivedNanos() - lines.get(1).receivedNanos()))
                .isGreaterThan(Duration.ofSeconds(1));
        assertThat(up.err()).isEmpty();
    }

    @Test
    @Order(1)
    void sendFillsInNowAndPrintsWelshsAtLine() {
        CliRun run = CliRun.of("--config", config, "send", "Welsh", "IAMAT kiwi.cli +34.068930-118.445127 now");

        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .matches("AT Welsh [+-]\\d+\\.\\d{9} kiwi\\.cli \\+34\\.068930-118\\.445127 \\d{10}\\.\\d{9}\n");
    }

    @Test
    @Order(1)
    void withoutAKeyWhatsatAnswersFromTheOfflinePlaces() {
        CliRun run = CliRun.of(
                "--config",
                config,
                "send",
                "Hands",
                "IAMAT offline.cli +34.068930-118.445127 now",
                "WHATSAT offline.cli 2 3");

        assertThat(run.exitCode()).as(run.err()).isZero();
        String[] replies = run.out().split("\n", 2);
        assertThat(replies[1])
                .startsWith(replies[0] + "\n{\n   \"html_attributions\" : [\n      \"Offline sample places")
                .contains("\"status\" : \"OK\"")
                .endsWith("}\n\n");
        assertThat(replies[1].split("\"place_id\"", -1)).hasSizeBetween(2, 4);
    }

    @Test
    @Order(1)
    void aClientFedThroughAPipePrintsEachReplyAsItArrivesAndEndsWithTheInput() throws Exception {
        try (CliProcess client = CliProcess.start("--config", config, "client", "Welsh")) {
            client.type("IAMAT kiwi.client +34.068930-118.445127 now\n");
            String at = client.awaitOut(AT_LINE, Duration.ofSeconds(30)).text();

            client.type("WHATSAT kiwi.client 2 2\nhello there\n");
            client.endInput();

            assertThat(client.awaitExit(Duration.ofSeconds(30)))
                    .as(client.transcript())
                    .isZero();
            String out = String.join("\n", client.out()) + "\n";
            assertThat(out)
                    .startsWith(at + "\n" + at + "\n{\n   \"html_attributions\" : [\n      \"Offline sample places")
                    .contains("\"status\" : \"OK\"")
                    .endsWith("}\n\n? hello there\n");
            assertThat(client.err()).isEmpty();
        }
    }

    @Test
    @Order(1)
    void aClientAtATerminalEditsLinesKeepsHistoryAndLeavesOnCtrlD() throws Exception {
        assumeTrue(CliProcess.pseudoTerminalsAvailable(), "util-linux's script runs the client in a pseudo-terminal");
        try (CliProcess client = CliProcess.startInPseudoTerminal("--config", config, "client", "Welsh")) {
            client.awaitScreen(
                    Pattern.compile("Connected to Welsh at localhost:13003\\. Ctrl-D ends the session\\.\r\n"),
                    1,
                    Duration.ofSeconds(30));
            client.awaitScreen(Pattern.compile("Welsh> "), 1, Duration.ofSeconds(10));

            client.type("IAMAT kiwi.client +34.068930-118.445127 now\r");
            // A reply comes above the prompt if the editor is reading, else between two prompts: either way on a line
            // of its own once the terminal's controls are left out.
            Pattern atLines = Pattern.compile("(?m)^(" + AT_LINE.pattern() + ")\r?$");
            String first = client.awaitScreen(atLines, 1, Duration.ofSeconds(30))
                    .get(0)
                    .group(1);
            // Up arrow (as an xterm sends it once JLine has put it in application cursor mode) recalls the line as
            // typed, so 'now' is filled in afresh.
            client.type("\u001bOA\r");
            String second = client.awaitScreen(atLines, 2, Duration.ofSeconds(30))
                    .get(1)
                    .group(1);
            assertThat(second).isNotEqualTo(first);
            assertThat(second.substring(second.lastIndexOf(' ')))
                    .isGreaterThan(first.substring(first.lastIndexOf(' ')));

            client.type("\u0004");
            assertThat(client.awaitExit(Duration.ofSeconds(30)))
                    .as(client.transcript())
                    .isZero();
        }
    }

    @Test
    @Order(1)
    void aClientOfAnUnknownNodeIsOneLineAndAUsageExitCode() throws Exception {
        try (CliProcess client = CliProcess.start("--config", config, "client", "Nowhere")) {
            client.endInput();

            assertThat(client.awaitExit(Duration.ofSeconds(30))).isEqualTo(2);
            assertThat(client.err())
                    .containsExactly("herd client: unknown node 'Nowhere'; the herd in " + config
                            + " has Goloman, Hands, Holiday, Welsh, Wilkes (see herd client --help)");
            assertThat(client.out()).isEmpty();
        }
    }

    @Test
    @Order(2)
    void statusShowsEveryNodeUpWithItsQueueConsumed() {
        CliRun run = await("every queue consumed")
                .atMost(60, SECONDS)
                .pollInterval(Duration.ofSeconds(1))
                .ignoreExceptions()
                .until(
                        () -> CliRun.of(
                                "status",
                                "--config",
                                config,
                                "--data",
                                STATE.resolve("data").toString()),
                        status -> status.exitCode() == 0
                                && rows(status).values().stream().allMatch(row -> Integer.parseInt(row.get(6)) > 0));

        Map<String, List<String>> rows = rows(run);
        assertThat(rows).containsOnlyKeys(NODES);
        assertThat(rows.values()).allSatisfy(row -> assertThat(row.get(1)).isEqualTo("up"));
        assertThat(rows.get("Welsh"))
                .containsExactly(
                        "Welsh",
                        "up",
                        "13003",
                        "13083",
                        "Holiday",
                        "herd.Welsh",
                        rows.get("Welsh").get(6),
                        rows.get("Welsh").get(7));
        assertThat(run.err()).isEmpty();
    }

    @Test
    @Order(3)
    void aNodeKilledUnderUpIsReportedByUpAndStatusAndRefusesClients() throws Exception {
        ProcessHandle holiday = nodeProcess("Holiday");
        holiday.destroy();
        holiday.onExit().get(60, SECONDS);

        await("up's report of Holiday")
                .atMost(10, SECONDS)
                .until(() -> up.err().stream()
                        .anyMatch(line -> line.matches(
                                "Holiday stopped unexpectedly \\(exit code \\d+\\); see .*Holiday\\.log")));
        // The broker counts a consumer until it sees its connection close.
        CliRun run = await("Holiday's queue without consumers")
                .atMost(90, SECONDS)
                .pollInterval(Duration.ofSeconds(1))
                .ignoreExceptions()
                .until(
                        () -> CliRun.of(
                                "status",
                                "--config",
                                config,
                                "--data",
                                STATE.resolve("data").toString()),
                        status -> rows(status).get("Holiday").get(6).equals("0"));
        assertThat(run.exitCode()).isEqualTo(1);
        Map<String, List<String>> rows = rows(run);
        assertThat(rows)
                .allSatisfy((node, row) -> assertThat(row.get(1)).isEqualTo(node.equals("Holiday") ? "down" : "up"));
        assertThat(run.err()).isEqualTo("herd status: Holiday is down\n");
        try (CliProcess client = CliProcess.start("--config", config, "client", "Holiday")) {
            client.endInput();

            assertThat(client.awaitExit(Duration.ofSeconds(30))).isEqualTo(1);
            assertThat(client.err())
                    .containsExactly("herd client: cannot connect to Holiday at localhost:13002: Connection refused");
        }
    }

    @Test
    @Order(4)
    void upStopsTheWholeHerdOnSigterm() throws Exception {
        List<ProcessHandle> started = up.process().descendants().toList();
        assertThat(started)
                .containsAll(NODES.stream()
                        .filter(node -> !node.equals("Holiday"))
                        .map(HerdCliIT::nodeProcess)
                        .toList());

        // SIGTERM, as kill sends; Ctrl-C's SIGINT takes the same path in the JVM. (Process.destroy would also close
        // the pipes this test reads.)
        up.process().toHandle().destroy();

        assertThat(up.awaitExit(Duration.ofMinutes(2))).isEqualTo(128 + 15);
        assertThat(up.out()).endsWith("Stopping the herd ...", "Stopped.");
        assertThat(started).noneMatch(ProcessHandle::isAlive);
        assertThat(up.process().descendants()).isEmpty();
    }

    /** The Payara Micro process {@code herd up} started for that node. */
    private static ProcessHandle nodeProcess(String node) {
        List<ProcessHandle> found = up.process()
                .descendants()
                .filter(process -> process.info()
                        .arguments()
                        .map(List::of)
                        .filter(arguments -> arguments.indexOf("--name") >= 0
                                && node.equals(arguments.get(arguments.indexOf("--name") + 1)))
                        .isPresent())
                .toList();
        assertThat(found).as("the process of " + node).hasSize(1);
        return found.get(0);
    }

    /** The table's rows by node name, each split into its cells (no cell holds a space while the broker answers). */
    private static Map<String, List<String>> rows(CliRun run) {
        return run.out()
                .lines()
                .skip(1)
                .map(line -> List.of(line.split(" +")))
                .collect(Collectors.toMap(row -> row.get(0), row -> row));
    }
}
