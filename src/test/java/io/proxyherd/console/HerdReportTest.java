package io.proxyherd.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.proxyherd.broker.BrokerView;
import io.proxyherd.broker.QueueState;
import io.proxyherd.topology.Topology;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class HerdReportTest {

    private static final Topology TOPOLOGY = topology();

    private static final JsonObject READY =
            Json.createObjectBuilder().add("name", "x").add("ready", true).build();
    private static final JsonObject NOT_READY =
            Json.createObjectBuilder().add("name", "x").add("ready", false).build();

    @Test
    void aNodeIsOkWhenItAnswersReadyAndItsQueueIsConsumedWithoutBacklog() {
        assertThat(HerdReport.health(PeerAnswer.of(READY), Optional.of(QueueState.of("q", 4, 100))))
                .isEqualTo("ok");
    }

    @Test
    void aNodeIsDegradedWhenItsQueueIsNotConsumedOrBacksUpOrUnknownOrItIsNotReady() {
        assertThat(HerdReport.health(PeerAnswer.of(READY), Optional.of(QueueState.of("q", 0, 0))))
                .isEqualTo("degraded");
        assertThat(HerdReport.health(PeerAnswer.of(READY), Optional.of(QueueState.of("q", 4, 101))))
                .isEqualTo("degraded");
        assertThat(HerdReport.health(PeerAnswer.of(READY), Optional.empty())).isEqualTo("degraded");
        assertThat(HerdReport.health(PeerAnswer.of(NOT_READY), Optional.of(QueueState.of("q", 4, 0))))
                .isEqualTo("degraded");
    }

    @Test
    void aNodeThatDidNotAnswerIsDownWhateverItsQueue() {
        assertThat(HerdReport.health(PeerAnswer.failed("Connection refused"), Optional.of(QueueState.of("q", 4, 0))))
                .isEqualTo("down");
    }

    @Test
    void aLinkIsAsBadAsItsWorseEndOrDegradedWhileMessagesWait() {
        assertThat(HerdReport.linkHealth("ok", "ok", false)).isEqualTo("ok");
        assertThat(HerdReport.linkHealth("ok", "ok", true)).isEqualTo("degraded");
        assertThat(HerdReport.linkHealth("degraded", "ok", false)).isEqualTo("degraded");
        assertThat(HerdReport.linkHealth("ok", "down", false)).isEqualTo("down");
        assertThat(HerdReport.linkHealth("down", "degraded", true)).isEqualTo("down");
    }

    @Test
    void everyNodeInConfigurationOrderAndEveryLinkWithItsHealth() {
        BrokerView broker = new BrokerView(
                "localhost:61616",
                5,
                Map.of(
                        "herd.A", QueueState.of("herd.A", 4, 0),
                        "herd.B", QueueState.of("herd.B", 4, 3),
                        "herd.C", QueueState.of("herd.C", 4, 0)),
                null);

        JsonObject report = HerdReport.of(
                TOPOLOGY,
                "A",
                1234,
                broker,
                Map.of(
                        "A",
                        PeerAnswer.of(READY),
                        "B",
                        PeerAnswer.of(READY),
                        "C",
                        PeerAnswer.failed("Connection refused")));

        assertThat(report.getJsonNumber("askedAt").longValue()).isEqualTo(1234);
        assertThat(report.getString("askedBy")).isEqualTo("A");
        assertThat(report.getJsonObject("broker").toString())
                .isEqualTo("{\"address\":\"localhost:61616\",\"reachable\":true,\"error\":null}");
        var nodes = report.getJsonArray("nodes").getValuesAs(JsonObject.class);
        assertThat(nodes).extracting(node -> node.getString("name")).containsExactly("C", "A", "B");
        JsonObject c = nodes.get(0);
        assertThat(c.toString())
                .isEqualTo("{\"name\":\"C\",\"host\":\"localhost\",\"clientPort\":3,\"httpPort\":30,"
                        + "\"up\":false,\"queue\":{\"name\":\"herd.C\",\"consumers\":4,\"messages\":0},\"health\":\"down\","
                        + "\"error\":\"Connection refused\",\"node\":null}");
        assertThat(nodes.get(1).getJsonObject("node")).isEqualTo(READY);
        assertThat(nodes.get(1).getString("health")).isEqualTo("ok");
        assertThat(report.getJsonArray("links").toString())
                .isEqualTo("[{\"from\":\"C\",\"to\":\"A\",\"health\":\"down\"},"
                        + "{\"from\":\"A\",\"to\":\"B\",\"health\":\"degraded\"}]");
    }

    @Test
    void anUnreachableBrokerLeavesEveryQueueUnknownAndSaysWhy() {
        BrokerView broker = new BrokerView("localhost:61616", 5, Map.of(), "Connection refused");

        JsonObject report = HerdReport.of(TOPOLOGY, "A", 1, broker, Map.of("A", PeerAnswer.of(READY)));

        assertThat(report.getJsonObject("broker").getBoolean("reachable")).isFalse();
        assertThat(report.getJsonObject("broker").getString("error")).isEqualTo("Connection refused");
        JsonObject a = report.getJsonArray("nodes").getJsonObject(1);
        assertThat(a.isNull("queue")).isTrue();
        assertThat(a.getString("health")).isEqualTo("degraded");
        assertThat(report.getJsonArray("nodes").getJsonObject(2).getString("error"))
                .isEqualTo("not asked");
    }

    private static Topology topology() {
        Properties herd = new Properties();
        herd.setProperty("herd.nodes", "C,A,B");
        herd.setProperty("herd.links", "C-A,A-B");
        for (String node : new String[] {"A", "B", "C"}) {
            int port = node.charAt(0) - 'A' + 1;
            herd.setProperty("herd.node." + node + ".host", "localhost");
            herd.setProperty("herd.node." + node + ".client-port", Integer.toString(port));
            herd.setProperty("herd.node." + node + ".http-port", Integer.toString(port * 10));
        }
        herd.setProperty("herd.broker.host", "localhost");
        herd.setProperty("herd.broker.port", "61616");
        herd.setProperty("herd.broker.backup-host", "localhost");
        herd.setProperty("herd.broker.backup-port", "61617");
        return Topology.from(key -> Optional.ofNullable(herd.getProperty(key)));
    }
}
