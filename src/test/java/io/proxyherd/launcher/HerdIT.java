package io.proxyherd.launcher;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.proxyherd.support.ConsoleClient;
import io.proxyherd.support.Folders;
import io.proxyherd.support.HerdAgreement;
import io.proxyherd.support.LineConnection;
import io.proxyherd.support.OneShotClient;
import io.proxyherd.support.PlacesStandIn;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The whole herd of server-config/herd.properties: the real broker and five real Payara Micro nodes. */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class HerdIT {

    private static final List<String> NODES = List.of("Goloman", "Hands", "Holiday", "Welsh", "Wilkes");
    private static final int PIPELINED = 50;
    private static final ConsoleClient CONSOLE = new ConsoleClient(null);

    private static PlacesStandIn places;
    private static LocalHerd herd;

    private static final Path STATE = Path.of("target", "herd-it");

    @BeforeAll
    static void startHerd() throws Exception {
        places = new PlacesStandIn(0);
        // A herd of its own: nothing kept from an earlier run (journal, what the nodes knew).
        Folders.deleteRecursively(STATE.resolve("data"));
        herd = startAgain();
    }

    /** Starts the herd on the data folder it had: broker journal and what each node kept. */
    private static LocalHerd startAgain() throws Exception {
        HerdFiles files = HerdFiles.inCheckout(Path.of("").toAbsolutePath())
                .withState(STATE.resolve("data"), STATE.resolve("logs"));
        // The herd asks Places API (New); ListenerIT covers the legacy API through a node, HerdCliIT the offline set.
        return LocalHerd.start(
                files,
                Map.of(
                        "PLACES_NEW_BASE_URL",
                        places.newApiBaseUrl(),
                        "PLACES_API_KEY",
                        PlacesStandIn.KEY,
                        "PLACES_PROVIDER",
                        "new"),
                Duration.ofMinutes(4),
                node -> {});
    }

    @AfterAll
    static void stopHerd() {
        if (herd != null) {
            herd.close();
        }
        places.close();
    }

    @Test
    void anIamatAtWelshIsAnsweredAtHandsWithWelshsAtLine() throws Exception {
        String atLine = iamat("Welsh", "kiwi.cs.ucla.edu", "+34.068930-118.445127");

        String reply = awaitKnown("Hands", "kiwi.cs.ucla.edu", atLine);

        assertThat(reply).startsWith(atLine + "\n{\n   \"places\" : [").endsWith("}\n\n");
        places.server()
                .verify(postRequestedFor(urlPathEqualTo(PlacesStandIn.NEW_PATH))
                        .withRequestBody(matchingJsonPath("$.locationRestriction.circle.radius", equalTo("1000")))
                        .withRequestBody(matchingJsonPath("$.maxResultCount", equalTo("1"))));
    }

    @Test
    void everyNodeLearnsEveryUpdate() throws Exception {
        for (String origin : NODES) {
            String client = "everywhere-from-" + origin;
            String atLine = iamat(origin, client, "+10.000000-020.000000");
            for (String node : NODES) {
                awaitKnown(node, client, atLine);
            }
        }
    }

    @Test
    void theGradersOneShotClientsWorkAtEveryNode() throws Exception {
        for (String node : NODES) {
            String reply = OneShotClient.exchange(
                    port(node), "IAMAT grader-" + node + " +34.068930-118.445127 1520023934.918963997");

            assertThat(reply)
                    .matches("AT " + node + " \\+\\d+\\.\\d{9} grader-" + node
                            + " \\+34\\.068930-118\\.445127 1520023934\\.918963997\n");
        }
    }

    @Test
    void invalidLinesAreAnsweredWithAQuestionMark() throws Exception {
        assertThat(OneShotClient.exchange(port("Goloman"), "IAMAT too few\n")).isEqualTo("? IAMAT too few\n");
        assertThat(OneShotClient.exchange(port("Wilkes"), "WHATSAT never-reported 10 5"))
                .isEqualTo("? WHATSAT never-reported 10 5\n");
    }

    @Test
    void holidayGoingDownAndComingBackLosesNothing() throws Exception {
        String atWelsh = iamat("Welsh", "before-holiday-down", "+04.000000+004.000000");
        String atHoliday = iamat("Holiday", "at-holiday-before-down", "+05.000000+005.000000");
        awaitKnown("Holiday", "before-holiday-down", atWelsh);
        awaitKnown("Hands", "before-holiday-down", atWelsh);
        awaitKnown("Welsh", "at-holiday-before-down", atHoliday);
        awaitKnown("Hands", "at-holiday-before-down", atHoliday);
        herd.stop("Holiday");
        String fromGoloman;
        String fromHands;
        try {
            fromGoloman = iamat("Goloman", "while-holiday-down-1", "+01.000000+001.000000");
            awaitKnown("Hands", "while-holiday-down-1", fromGoloman);
            fromHands = iamat("Hands", "while-holiday-down-2", "+02.000000+002.000000");
            awaitKnown("Goloman", "while-holiday-down-2", fromHands);
            awaitKnown("Wilkes", "while-holiday-down-2", fromHands);
        } finally {
            herd.restart("Holiday", Duration.ofMinutes(2));
        }

        // Nobody reported these again: the restarted Holiday learns them back from its neighbours.
        awaitKnown("Holiday", "before-holiday-down", atWelsh);
        awaitKnown("Holiday", "at-holiday-before-down", atHoliday);
        awaitKnown("Holiday", "while-holiday-down-1", fromGoloman);
        awaitKnown("Welsh", "while-holiday-down-2", fromHands);
        String afterRestart = iamat("Hands", "after-holiday-restart", "+03.000000+003.000000");
        awaitKnown("Welsh", "after-holiday-restart", afterRestart);
    }

    @Test
    void holidayAndWelshDownTogetherBothCatchUp() throws Exception {
        String atHands = iamat("Hands", "before-both-down", "+06.000000+006.000000");
        awaitKnown("Welsh", "before-both-down", atHands);
        herd.stop("Welsh");
        herd.stop("Holiday");
        try {
            // Welsh's only neighbour is down: Welsh's request waits in Holiday's queue until Holiday returns.
            herd.restart("Welsh", Duration.ofMinutes(2));
        } finally {
            herd.restart("Holiday", Duration.ofMinutes(2));
        }

        awaitKnown("Holiday", "before-both-down", atHands);
        awaitKnown("Welsh", "before-both-down", atHands);
    }

    @Test
    void eachNodeHasItsOwnBrokerAccountWhosePasswordNoLogOrConsoleAnswerShows() throws Exception {
        Path file = STATE.resolve("data").resolve(BrokerAccounts.FILE);
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        BrokerAccounts accounts = BrokerAccounts.inFolder(STATE.resolve("data")).orElseThrow();
        assertThat(accounts.users()).containsAll(NODES);
        List<String> passwords =
                accounts.users().stream().map(accounts::password).toList();
        // Something to log first: a client's line in and out, and its flood at every node.
        String atLine = iamat("Welsh", "no-secrets-here", "+09.000000+009.000000");
        awaitKnown("Goloman", "no-secrets-here", atLine);

        List<String> shown = new ArrayList<>();
        try (Stream<Path> logs = Files.walk(STATE.resolve("logs"))) {
            for (Path log : logs.filter(Files::isRegularFile).toList()) {
                shown.add(Files.readString(log, StandardCharsets.ISO_8859_1));
            }
        }
        for (String node : NODES) {
            URI api =
                    URI.create("http://localhost:" + herd.topology().node(node).httpPort());
            shown.add(CONSOLE.get(api.resolve("/api/node")).body());
            shown.add(CONSOLE.get(api.resolve("/api/herd")).body());
            shown.add(CONSOLE.get(api.resolve("/metrics")).body());
            shown.add(CONSOLE.get(api.resolve("/health")).body());
        }
        assertThat(shown).hasSizeGreaterThan(NODES.size() * 4);
        for (String password : passwords) {
            assertThat(shown).noneMatch(text -> text.contains(password));
        }
    }

    @Test
    void everyNodeMakesItsPlacesSearchWhenItStartsNotAtItsFirstWhatsat() {
        for (String node : NODES) {
            Path log = STATE.resolve("logs").resolve(node + ".log");
            await().atMost(60, SECONDS).untilAsserted(() -> {
                String text = Files.readString(log, StandardCharsets.ISO_8859_1);
                int made = text.indexOf("Places answers come from the new provider");
                int firstWhatsat = text.indexOf("< WHATSAT ");
                assertThat(made).as("%s made its Places search", node).isNotNegative();
                if (firstWhatsat >= 0) {
                    assertThat(made)
                            .as("%s made it before its first WHATSAT", node)
                            .isLessThan(firstWhatsat);
                }
            });
        }
    }

    @Test
    void theWholeHerdStoppedAndStartedAgainStillKnowsItsClients() throws Exception {
        Map<String, String> reported = new LinkedHashMap<>();
        for (String origin : NODES) {
            String client = "kept-from-" + origin;
            reported.put(client, iamat(origin, client, "+08.000000+008.000000"));
        }
        for (String node : NODES) {
            reported.forEach((client, atLine) -> awaitKnown(node, client, atLine));
        }

        herd.close();
        herd = startAgain();

        // At once, with no waiting: each node read what it knew before it served.
        for (String node : NODES) {
            for (Map.Entry<String, String> client : reported.entrySet()) {
                assertThat(whatsat(node, client.getKey()))
                        .as(node + " on " + client.getKey())
                        .startsWith(client.getValue() + "\n");
            }
        }
    }

    @Test
    void holidayKilledWhileTheHerdKnowsTwentyThousandClientsCatchesUpWithoutHoldingUpLiveUpdates() throws Exception {
        Map<String, String> reported = reportMany(20_000, List.of("Goloman", "Hands", "Welsh", "Wilkes"));
        awaitAgreement(reported.size());

        herd.kill("Holiday");
        herd.restart("Holiday", Duration.ofMinutes(2));
        String live = iamat("Hands", "live-during-catch-up", "+07.000000+007.000000");

        // Welsh's only link is Holiday: the live update crosses Holiday while Holiday takes in its catch-up.
        await("Welsh knows the live update")
                .atMost(5, SECONDS)
                .pollInterval(Duration.ofMillis(20))
                .until(() -> whatsat("Welsh", "live-during-catch-up"), reply -> reply.startsWith(live + "\n"));
        int known = awaitAgreement(reported.size() + 1);
        assertThat(known).isGreaterThan(reported.size());
        List<String> sample = reported.keySet().stream()
                .filter(client -> client.hashCode() % 97 == 0)
                .toList();
        assertThat(sample).isNotEmpty();
        for (String client : sample) {
            assertThat(whatsat("Holiday", client)).startsWith(reported.get(client) + "\n");
            assertThat(whatsat("Welsh", client)).startsWith(reported.get(client) + "\n");
        }
    }

    /**
     * Reports {@code count} new clients, spread over the nodes, each connection sending its IAMATs in
     * pipelined runs; returns each client's AT line.
     */
    private static Map<String, String> reportMany(int count, List<String> at) throws Exception {
        Map<String, String> reported = new ConcurrentHashMap<>();
        ExecutorService reporters = Executors.newFixedThreadPool(at.size());
        try {
            List<Future<?>> done = new ArrayList<>();
            for (String node : at) {
                done.add(reporters.submit(() -> {
                    try (LineConnection connection = new LineConnection(port(node))) {
                        for (int sent = 0; sent < count / at.size(); sent += PIPELINED) {
                            List<String> clients = new ArrayList<>();
                            StringBuilder lines = new StringBuilder();
                            for (int i = sent; i < sent + PIPELINED; i++) {
                                String client = "many-" + node + "-" + i;
                                clients.add(client);
                                lines.append("IAMAT ")
                                        .append(client)
                                        .append(" +34.068930-118.445127 ")
                                        .append(now())
                                        .append('\n');
                            }
                            connection.write(lines.toString());
                            for (String client : clients) {
                                String reply = connection.readLine();
                                assertThat(reply).startsWith("AT " + node + " ").contains(" " + client + " ");
                                reported.put(client, reply.strip());
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> reporter : done) {
                reporter.get();
            }
        } finally {
            reporters.shutdownNow();
        }
        return reported;
    }

    /** Waits until every node knows the same clients, at least {@code atLeast} of them, and returns how many. */
    private static int awaitAgreement(int atLeast) {
        return HerdAgreement.awaitAgreement(
                NODES.stream()
                        .map(node -> herd.topology().node(node).httpPort())
                        .toList(),
                atLeast,
                Duration.ofMinutes(2));
    }

    private static String now() {
        Instant now = Instant.now();
        return now.getEpochSecond() + "." + String.format("%09d", now.getNano());
    }

    /** Reports a client at a node now; returns the AT line the node answered. */
    private static String iamat(String node, String client, String position) throws IOException {
        try (LineConnection connection = new LineConnection(port(node))) {
            String reply = connection.ask("IAMAT " + client + " " + position + " " + now());
            assertThat(reply).startsWith("AT " + node + " ");
            return reply.strip();
        }
    }

    /** Waits until the node answers a WHATSAT for the client with the given AT line (any, if null). */
    private static String awaitKnown(String node, String client, String atLine) {
        return await("" + node + " knows " + client)
                .atMost(30, SECONDS)
                .pollInterval(Duration.ofMillis(50))
                .until(
                        () -> whatsat(node, client),
                        reply -> atLine == null ? reply.startsWith("AT ") : reply.startsWith(atLine + "\n"));
    }

    private static String whatsat(String node, String client) throws IOException {
        try (LineConnection connection = new LineConnection(port(node))) {
            String line = "WHATSAT " + client + " 1 1";
            connection.write(line + "\n");
            String first = connection.readLine();
            return first.startsWith("?") ? first : first + connection.readUntil("\n\n");
        }
    }

    private static int port(String node) {
        return herd.topology().node(node).clientPort();
    }
}
