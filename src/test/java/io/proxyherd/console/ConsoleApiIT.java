package io.proxyherd.console;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.proxyherd.support.ConsoleClient;
import io.proxyherd.support.ConsoleHerd;
import io.proxyherd.support.LineConnection;
import io.proxyherd.support.NodeMetrics;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The console's JSON API, health and metrics on a running herd (ConsoleHerd, shared with the other
 * console tests). The last test stops Holiday and starts it again before it ends.
 */
@ExtendWith(ConsoleHerd.class)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
@TestMethodOrder(OrderAnnotation.class)
class ConsoleApiIT {

    private static final List<String> LINKS = List.of(
            "Goloman-Hands", "Goloman-Holiday", "Goloman-Wilkes", "Hands-Wilkes", "Holiday-Welsh", "Holiday-Wilkes");

    private static ConsoleHerd.Running herd;
    private static ConsoleClient console;

    @BeforeAll
    static void herd(ConsoleHerd.Running running) {
        herd = running;
        console = new ConsoleClient(running.authorization());
    }

    @Test
    @Order(1)
    void everyNodeIsReadyWithItsListenerAndItsQueueConsumer() throws Exception {
        for (String node : herd.nodeNames()) {
            HttpResponse<String> ready = new ConsoleClient(null).get(herd.uri(node, "/health/ready"));
            assertThat(ready.statusCode()).as(node).isEqualTo(200);
            assertThat(ready.body())
                    .contains("\"client-listener\"", "\"flood-consumer\"")
                    .doesNotContain("DOWN");
            HttpResponse<String> live = new ConsoleClient(null).get(herd.uri(node, "/health/live"));
            assertThat(live.statusCode()).isEqualTo(200);
            assertThat(live.body()).contains("\"node\"");
        }
    }

    @Test
    @Order(1)
    void anIamatMovesTheNodesCountsAndLatencies() throws Exception {
        JsonObject before = console.json(herd.uri("Welsh", "/api/node"));
        long holidayFloodIn = console.json(herd.uri("Holiday", "/api/node"))
                .getJsonObject("totals")
                .getJsonNumber("floodIn")
                .longValue();

        iamat("Welsh", "counted.console", "+34.068930-118.445127");

        JsonObject after = await("Welsh counts its IAMAT and floods it")
                .atMost(10, SECONDS)
                .until(
                        () -> console.json(herd.uri("Welsh", "/api/node")),
                        node -> total(node, "floodOut") > total(before, "floodOut"));
        assertThat(after.getString("name")).isEqualTo("Welsh");
        assertThat(after.getInt("clientPort")).isEqualTo(14003);
        assertThat(after.getInt("httpPort")).isEqualTo(14083);
        assertThat(after.getJsonArray("neighbours").getValuesAs(JsonValue::toString))
                .containsExactly("\"Holiday\"");
        assertThat(after.getBoolean("ready")).isTrue();
        assertThat(after.getJsonNumber("startedAt").longValue()).isLessThan(System.currentTimeMillis());
        assertThat(after.getJsonNumber("uptimeSeconds").longValue()).isPositive();
        assertThat(after.getInt("connections")).isGreaterThanOrEqualTo(0);
        assertThat(total(after, "iamat")).isEqualTo(total(before, "iamat") + 1);
        assertThat(after.getJsonObject("totals").keySet())
                .containsExactly(
                        "iamat",
                        "whatsat",
                        "invalid",
                        "connectionsRefused",
                        "cutLineTooLong",
                        "cutLineTooSlow",
                        "cutRepliesUnread",
                        "floodIn",
                        "floodUnreadable",
                        "floodOut",
                        "floodMessagesOut",
                        "floodBytesOut",
                        "placesCalls",
                        "cacheHits",
                        "cacheMisses",
                        "placesFailures",
                        "logDropped");
        assertThat(after.getJsonArray("unreadable")).isEmpty();
        assertThat(total(after, "logDropped")).isZero();
        assertThat(after.getJsonObject("rates").keySet())
                .containsExactly("iamat", "whatsat", "invalid", "floodIn", "floodOut");
        JsonObject reply = after.getJsonObject("latency").getJsonObject("iamatReply");
        assertThat(reply.getJsonNumber("count").longValue())
                .isGreaterThan(before.getJsonObject("latency")
                        .getJsonObject("iamatReply")
                        .getJsonNumber("count")
                        .longValue());
        assertThat(reply.getJsonNumber("max").doubleValue()).isPositive();
        assertThat(reply.getJsonNumber("p50").doubleValue())
                .isLessThanOrEqualTo(reply.getJsonNumber("max").doubleValue());
        assertThat(after.getJsonArray("history")).hasSize(60);
        long iamatsInHistory = after.getJsonArray("history").getValuesAs(JsonObject.class).stream()
                .mapToLong(second -> second.getJsonNumber("iamat").longValue())
                .sum();
        assertThat(iamatsInHistory).isPositive();

        JsonObject holiday = await("Holiday takes the update off its queue")
                .atMost(10, SECONDS)
                .until(
                        () -> console.json(herd.uri("Holiday", "/api/node")),
                        node -> total(node, "floodIn") > holidayFloodIn);
        JsonObject delivery = holiday.getJsonObject("latency").getJsonObject("floodDelivery");
        assertThat(delivery.getJsonNumber("count").longValue()).isPositive();
        assertThat(delivery.getJsonNumber("p99").doubleValue())
                .isLessThanOrEqualTo(delivery.getJsonNumber("max").doubleValue());
    }

    @Test
    @Order(1)
    void theHerdShowsFiveNodesSixLinksAndTheBrokersQueues() throws Exception {
        JsonObject view = await("every node ok")
                .atMost(60, SECONDS)
                .pollInterval(Duration.ofSeconds(1))
                .until(
                        () -> console.json(herd.uri("Goloman", "/api/herd")),
                        herdView -> nodes(herdView).values().stream()
                                .allMatch(node -> node.getString("health").equals("ok")));

        assertThat(view.getString("askedBy")).isEqualTo("Goloman");
        assertThat(view.getJsonObject("broker").getBoolean("reachable")).isTrue();
        assertThat(view.getJsonObject("broker").getString("address")).isEqualTo("localhost:63616");
        assertThat(nodes(view).keySet()).containsExactly("Goloman", "Hands", "Holiday", "Welsh", "Wilkes");
        for (JsonObject node : nodes(view).values()) {
            String name = node.getString("name");
            assertThat(node.getBoolean("up")).as(name).isTrue();
            assertThat(node.isNull("error")).isTrue();
            assertThat(node.getJsonObject("node").getString("name")).isEqualTo(name);
            JsonObject queue = node.getJsonObject("queue");
            assertThat(queue.getString("name")).isEqualTo("herd." + name);
            assertThat(queue.getInt("consumers"))
                    .isPositive()
                    .isEqualTo(herd.broker().consumersOf(name));
            assertThat(queue.getJsonNumber("messages").longValue()).isGreaterThanOrEqualTo(0);
        }
        assertThat(view.getJsonArray("links").getValuesAs(JsonObject.class))
                .extracting(link -> link.getString("from") + "-" + link.getString("to"))
                .containsExactlyElementsOf(LINKS);
    }

    @Test
    @Order(1)
    void clientsAreListedMostRecentFirstAndSearchable() throws Exception {
        iamat("Goloman", "kiwi.console.test", "+34.068930-118.445127");
        iamat("Wilkes", "apple.console.test", "-33.868820+151.209296");

        JsonObject found = await("Hands knows both")
                .atMost(10, SECONDS)
                .until(
                        () -> console.json(herd.uri("Hands", "/api/clients?q=CONSOLE.TEST")),
                        clients -> clients.getInt("matched") == 2);
        assertThat(found.getInt("total")).isGreaterThanOrEqualTo(2);
        List<JsonObject> clients = found.getJsonArray("clients").getValuesAs(JsonObject.class);
        assertThat(clients)
                .extracting(client -> client.getString("id"))
                .containsExactly("apple.console.test", "kiwi.console.test");
        JsonObject kiwi = clients.get(1);
        assertThat(kiwi.getString("origin")).isEqualTo("Goloman");
        assertThat(kiwi.getJsonNumber("latitude").bigDecimalValue()).isEqualByComparingTo("34.068930");
        assertThat(kiwi.getJsonNumber("longitude").bigDecimalValue()).isEqualByComparingTo("-118.445127");
        assertThat(kiwi.getJsonNumber("clientTime").doubleValue())
                .isCloseTo(System.currentTimeMillis(), org.assertj.core.data.Offset.offset(60_000.0));
        assertThat(kiwi.getJsonNumber("agoSeconds").doubleValue()).isBetween(-5.0, 60.0);

        JsonObject limited = console.json(herd.uri("Hands", "/api/clients?q=kiwi.console&limit=1"));
        assertThat(limited.getInt("matched")).isEqualTo(1);
        assertThat(console.get(herd.uri("Hands", "/api/clients?limit=many")).statusCode())
                .isEqualTo(400);
    }

    @Test
    @Order(1)
    void theConsoleAndApiNeedTheLoginButHealthAndMetricsDoNot() throws Exception {
        ConsoleClient anonymous = new ConsoleClient(null);
        HttpResponse<String> refused = anonymous.get(herd.uri("Hands", "/api/node"));
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"Proxy Herd\"");
        assertThat(anonymous.get(herd.uri("Hands", "/console/")).statusCode()).isEqualTo(401);
        ConsoleClient wrong = new ConsoleClient("Basic "
                + java.util.Base64.getEncoder()
                        .encodeToString(
                                (ConsoleHerd.USER + ":wrong").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(wrong.get(herd.uri("Hands", "/api/herd")).statusCode()).isEqualTo(401);

        HttpResponse<String> allowed = console.get(herd.uri("Hands", "/api/node"));
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));

        assertThat(anonymous.get(herd.uri("Hands", "/health/ready")).statusCode())
                .isEqualTo(200);
        assertThat(anonymous.get(herd.uri("Hands", "/metrics")).statusCode()).isEqualTo(200);
    }

    @Test
    @Order(1)
    void theApiIsReadOnly() throws Exception {
        for (String method : List.of("POST", "PUT", "DELETE")) {
            HttpResponse<String> answer = console.send(method, herd.uri("Wilkes", "/api/node"));
            assertThat(answer.statusCode()).as(method).isEqualTo(405);
        }
        assertThat(console.send("POST", herd.uri("Wilkes", "/api/clients")).statusCode())
                .isEqualTo(405);
    }

    @Test
    @Order(1)
    void theRootOpensTheConsole() throws Exception {
        HttpResponse<String> root = new ConsoleClient(null).get(herd.uri("Welsh", "/"));
        assertThat(root.statusCode()).isBetween(301, 308);
        assertThat(root.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/console/"));
    }

    @Test
    @Order(2)
    void prometheusSeesTheNodesCountersAndTimers() throws Exception {
        iamat("Hands", "metered.console", "+01.000000+001.000000");

        HttpResponse<String> metrics = new ConsoleClient(null).get(herd.uri("Hands", "/metrics"));

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body())
                .contains(
                        "herd_iamat_total",
                        "herd_whatsat_total",
                        "herd_invalid_lines_total",
                        "herd_flood_in_total",
                        "herd_flood_out_total",
                        "herd_places_calls_total",
                        "herd_places_cache_hits_total",
                        "herd_log_dropped_total",
                        "herd_iamat_reply_seconds",
                        "herd_flood_delivery_seconds");
        // In seconds, all of them: a longest reply in nanoseconds would dwarf the sum of all of them.
        NodeMetrics read = NodeMetrics.parse(metrics.body());
        assertThat(read.value("herd_iamat_reply_seconds_count")).isGreaterThanOrEqualTo(1);
        assertThat(read.value("herd_iamat_reply_seconds_max"))
                .isPositive()
                .isLessThanOrEqualTo(read.value("herd_iamat_reply_seconds_sum"));
        assertThat(read.value("herd_iamat_reply_seconds_mean"))
                .isLessThanOrEqualTo(read.value("herd_iamat_reply_seconds_max"));
        // Payara would print the quantiles in nanoseconds; the node leaves them out.
        assertThat(metrics.body()).doesNotContain("quantile=");
    }

    @Test
    @Order(3)
    void aStoppedNodeIsShownDownWithItsLinksAndTheAnswerStillComesQuickly() throws Exception {
        herd.stop("Holiday");
        try {
            long started = System.nanoTime();
            JsonObject view = console.json(herd.uri("Goloman", "/api/herd"));
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(took).isLessThan(Duration.ofMillis(2_500));
            JsonObject holiday = nodes(view).get("Holiday");
            assertThat(holiday.getBoolean("up")).isFalse();
            assertThat(holiday.getString("health")).isEqualTo("down");
            assertThat(holiday.isNull("node")).isTrue();
            assertThat(holiday.getString("error")).isNotBlank();
            Map<String, String> links = view.getJsonArray("links").getValuesAs(JsonObject.class).stream()
                    .collect(Collectors.toMap(
                            link -> link.getString("from") + "-" + link.getString("to"),
                            link -> link.getString("health")));
            assertThat(links)
                    .containsEntry("Goloman-Holiday", "down")
                    .containsEntry("Holiday-Welsh", "down")
                    .containsEntry("Holiday-Wilkes", "down");
            assertThat(links.get("Goloman-Hands")).isNotEqualTo("down");
            assertThat(nodes(view).get("Welsh").getBoolean("up")).isTrue();
        } finally {
            herd.restart("Holiday");
        }
        await("Holiday back")
                .atMost(60, SECONDS)
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> nodes(console.json(herd.uri("Goloman", "/api/herd")))
                        .get("Holiday")
                        .getBoolean("up"));
    }

    private static Map<String, JsonObject> nodes(JsonObject herdView) {
        return herdView.getJsonArray("nodes").getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(
                        node -> node.getString("name"), node -> node, (a, b) -> a, java.util.LinkedHashMap::new));
    }

    private static long total(JsonObject node, String name) {
        return node.getJsonObject("totals").getJsonNumber(name).longValue();
    }

    private static void iamat(String node, String client, String position) throws IOException {
        Instant now = Instant.now();
        String time = now.getEpochSecond() + "." + String.format("%09d", now.getNano());
        try (LineConnection connection = new LineConnection(herd.node(node).clientPort())) {
            assertThat(connection.ask("IAMAT " + client + " " + position + " " + time))
                    .startsWith("AT " + node + " ");
        }
    }
}
