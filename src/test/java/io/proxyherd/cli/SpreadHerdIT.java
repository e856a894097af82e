package io.proxyherd.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.proxyherd.launcher.BrokerAccounts;
import io.proxyherd.support.LineConnection;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A herd spread as over several machines: {@code herd broker} and one {@code herd node} per node, each its own
 * process, the nodes finding the broker only through {@code --broker} (their configuration names a broker that
 * does not exist).
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class SpreadHerdIT {

    private static final Path STATE = Path.of("target", "spread-it").toAbsolutePath();
    private static final Duration NODE_START = Duration.ofMinutes(4);
    private static final String BROKER = "localhost:62991";

    private CliProcess broker;
    private CliProcess alpha;
    private CliProcess beta;

    @AfterEach
    void stopEverything() {
        for (CliProcess process : new CliProcess[] {alpha, beta, broker}) {
            if (process != null) {
                process.close();
            }
        }
    }

    @Test
    void aBrokerAndTwoNodesStartedApartFormAHerd() throws Exception {
        broker = CliProcess.start(
                "--config",
                config("broker"),
                "broker",
                "--data",
                STATE.resolve("broker-data").toString(),
                "--logs",
                STATE.resolve("logs").toString());
        broker.awaitOut(Pattern.compile("Broker up on localhost:62991 .*"), Duration.ofMinutes(1));
        alpha = node("Alpha");
        beta = node("Beta");
        alpha.awaitOut(ready("Alpha"), NODE_START);
        beta.awaitOut(ready("Beta"), NODE_START);

        String at;
        try (LineConnection client = new LineConnection(13500)) {
            at = client.ask("IAMAT spread.client +34.068930-118.445127 1700000000.5")
                    .strip();
        }
        assertThat(at).startsWith("AT Alpha ").endsWith(" spread.client +34.068930-118.445127 1700000000.5");
        try (LineConnection asker = new LineConnection(13501)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> at.equals(firstLineOfWhatsAt(asker, "spread.client")));
        }

        alpha.process().destroy();
        assertThat(alpha.awaitExit(Duration.ofMinutes(1)))
                .as("stopped by SIGTERM, as any JVM")
                .isEqualTo(143);
        assertThatThrownBy(() -> new LineConnection(13500).close())
                .as("Alpha's Payara stopped before the command ended")
                .isInstanceOf(IOException.class);
    }

    @Test
    void aBrokerGivenWronglyIsAUsageError() throws Exception {
        alpha = CliProcess.start("--config", config("nodes"), "node", "Alpha", "--broker", "localhost");

        assertThat(alpha.awaitExit(Duration.ofMinutes(1))).isEqualTo(2);
        assertThat(alpha.err()).anyMatch(line -> line.contains("HOST:PORT"));
    }

    @Test
    void aNodeWhoseApplicationDoesNotDeployExitsNonZeroWithTheReason() throws Exception {
        String config = Path.of(SpreadHerdIT.class
                        .getResource("/deploy-failure/herd.properties")
                        .toURI())
                .toString();
        alpha = CliProcess.start(
                environment -> environment.put("HERD_FLOOD_BATCH_MAX_UPDATES", "many"),
                "--config",
                config,
                "node",
                "Solo",
                "--data",
                STATE.resolve("failure-data").toString(),
                "--logs",
                STATE.resolve("logs").toString());

        assertThat(alpha.awaitExit(NODE_START)).isEqualTo(1);
        assertThat(alpha.err())
                .anyMatch(line ->
                        line.matches("Solo stopped: herd did not deploy: .*herd\\.flood\\.batch-max-updates.*"));
    }

    /** A node on "another machine": its own data folder, and its broker account given as the README says, in the environment. */
    private CliProcess node(String name) throws IOException, URISyntaxException {
        Map<String, String> account = BrokerAccounts.inFolder(STATE.resolve("broker-data"))
                .orElseThrow()
                .environmentOf(name);
        return CliProcess.start(
                environment -> {
                    environment.remove("PLACES_API_KEY");
                    environment.put("PLACES_PROVIDER", "offline");
                    environment.putAll(account);
                },
                "--config",
                config("nodes"),
                "node",
                name,
                "--broker",
                BROKER,
                "--data",
                STATE.resolve("data").toString(),
                "--logs",
                STATE.resolve("logs").toString());
    }

    private static Pattern ready(String node) {
        return Pattern.compile(
                node + " ready   client port \\d+   http://localhost:\\d+/   after \\d+\\.\\d s\\. Ctrl-C stops it\\.");
    }

    private static String config(String which) throws URISyntaxException {
        return Path.of(SpreadHerdIT.class
                        .getResource("/spread/" + which + "/herd.properties")
                        .toURI())
                .toString();
    }

    /** The AT line a node answers WHATSAT with for the client, or its {@code ?} line if it does not know it. */
    private static String firstLineOfWhatsAt(LineConnection asker, String client) throws IOException {
        asker.write("WHATSAT " + client + " 2 2\n");
        String first = asker.readLine().strip();
        if (!first.startsWith("?")) {
            asker.readUntil("\n\n");
        }
        return first;
    }
}
