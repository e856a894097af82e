package io.proxyherd.cli;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.proxyherd.launcher.HerdFiles;
import io.proxyherd.launcher.LocalHerd;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/** The command line against a real herd: the broker and five Payara Micro nodes on ports of their own (cli/herd.properties). */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
@TestMethodOrder(OrderAnnotation.class)
class HerdCliIT {

    private static final List<String> NODES = List.of("Goloman", "Hands", "Holiday", "Welsh", "Wilkes");

    private static String config;
    private static LocalHerd herd;

    @BeforeAll
    static void startHerd() throws Exception {
        Path configFile = Path.of(HerdCliIT.class.getResource("/cli/herd.properties").toURI());
        config = configFile.toString();
        Path state = Path.of("target", "cli-it");
        HerdFiles files = HerdFiles.inCheckout(Path.of("").toAbsolutePath())
                .withConfig(configFile)
                .withState(state.resolve("data"), state.resolve("logs"));
        // No Places key: the nodes answer WHATSAT from the offline set shipped with the project.
        herd = LocalHerd.start(files, Map.of("PLACES_API_KEY", "", "PLACES_PROVIDER", "auto"), Duration.ofMinutes(4),
                node -> {});
    }

    @AfterAll
    static void stopHerd() {
        if (herd != null) {
            herd.close();
        }
    }

    @Test
    @Order(1)
    void sendFillsInNowAndPrintsWelshsAtLine() {
        CliRun run = CliRun.of("--config", config, "send", "Welsh", "IAMAT kiwi.cli +34.068930-118.445127 now");

        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).matches("AT Welsh [+-]\\d+\\.\\d{9} kiwi\\.cli \\+34\\.068930-118\\.445127 \\d{10}\\.\\d{9}\n");
    }

    @Test
    @Order(1)
    void withoutAKeyWhatsatAnswersFromTheOfflinePlaces() {
        CliRun run = CliRun.of("--config", config, "send", "Hands",
                "IAMAT offline.cli +34.068930-118.445127 now", "WHATSAT offline.cli 2 3");

        assertThat(run.exitCode()).as(run.err()).isZero();
        String[] replies = run.out().split("\n", 2);
        assertThat(replies[1]).startsWith(replies[0] + "\n{\n   \"html_attributions\" : [\n      \"Offline sample places")
                .contains("\"status\" : \"OK\"").endsWith("}\n\n");
        assertThat(replies[1].split("\"place_id\"", -1)).hasSizeBetween(2, 4);
    }

    @Test
    @Order(2)
    void statusShowsEveryNodeUpWithItsQueueConsumed() {
        CliRun run = await("every queue consumed").atMost(60, SECONDS).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> CliRun.of("status", "--config", config), status -> status.exitCode() == 0
                        && rows(status).values().stream().allMatch(row -> Integer.parseInt(row.get(6)) > 0));

        Map<String, List<String>> rows = rows(run);
        assertThat(rows).containsOnlyKeys(NODES);
        assertThat(rows.values()).allSatisfy(row -> assertThat(row.get(1)).isEqualTo("up"));
        assertThat(rows.get("Welsh")).containsExactly("Welsh", "up", "13003", "13083", "Holiday", "herd.Welsh", rows.get("Welsh").get(6),
                rows.get("Welsh").get(7));
        assertThat(run.err()).isEmpty();
    }

    @Test
    @Order(3)
    void statusMarksAStoppedNodeDownAndFails() {
        herd.stop("Holiday");

        // The broker counts a consumer until it sees its connection close.
        CliRun run = await("Holiday's queue without consumers").atMost(90, SECONDS).pollInterval(Duration.ofSeconds(1))
                .ignoreExceptions()
                .until(() -> CliRun.of("status", "--config", config), status -> rows(status).get("Holiday").get(6).equals("0"));

        assertThat(run.exitCode()).isEqualTo(1);
        Map<String, List<String>> rows = rows(run);
        assertThat(rows.get("Holiday").subList(0, 2)).containsExactly("Holiday", "down");
        assertThat(rows).allSatisfy((node, row) -> assertThat(row.get(1)).isEqualTo(node.equals("Holiday") ? "down" : "up"));
        assertThat(run.err()).isEqualTo("herd status: Holiday is down\n");
    }

    /** The table's rows by node name, each split into its cells (no cell holds a space while the broker answers). */
    private static Map<String, List<String>> rows(CliRun run) {
        return run.out().lines().skip(1)
                .map(line -> List.of(line.split(" +")))
                .collect(Collectors.toMap(row -> row.get(0), row -> row));
    }
}
