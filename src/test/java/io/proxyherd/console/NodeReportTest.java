package io.proxyherd.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.proxyherd.activity.ActivitySink;
import io.proxyherd.activity.Count;
import io.proxyherd.activity.NodeActivity;
import io.proxyherd.activity.Timing;
import io.proxyherd.topology.LocalNode;
import io.proxyherd.topology.NodeAddress;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class NodeReportTest {

    private static final long NOW = 1_764_000_123_456L;
    private static final LocalNode WELSH =
            new LocalNode(new NodeAddress("Welsh", "localhost", 12003, 12083), new TreeSet<>(Set.of("Holiday")));

    private final NodeActivity activity =
            new NodeActivity(Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC), ActivitySink.NONE);

    @Test
    void theFieldsTheConsoleReadsInTheContractsOrder() {
        activity.count(Count.IAMAT, 3);
        activity.time(Timing.IAMAT_REPLY, 2_000_000);

        JsonObject report = NodeReport.of(WELSH, NOW - 123_456, 7, 12, true, activity.snapshot());

        assertThat(report.keySet())
                .containsExactly(
                        "name",
                        "startedAt",
                        "uptimeSeconds",
                        "clientPort",
                        "httpPort",
                        "neighbours",
                        "connections",
                        "clients",
                        "ready",
                        "totals",
                        "rates",
                        "latency",
                        "history",
                        "unreadable");
        assertThat(report.getString("name")).isEqualTo("Welsh");
        assertThat(report.getJsonNumber("uptimeSeconds").longValue()).isEqualTo(123);
        assertThat(report.getJsonArray("neighbours").getString(0)).isEqualTo("Holiday");
        assertThat(report.getInt("connections")).isEqualTo(7);
        assertThat(report.getInt("clients")).isEqualTo(12);
        assertThat(report.getBoolean("ready")).isTrue();
        assertThat(report.getJsonObject("totals").getInt("iamat")).isEqualTo(3);
        assertThat(report.getJsonObject("latency").keySet()).containsExactly("iamatReply", "floodDelivery");
        assertThat(report.getJsonObject("latency").getJsonObject("iamatReply").keySet())
                .containsExactly("count", "p50", "p90", "p99", "max");
        assertThat(report.getJsonObject("latency").getJsonObject("iamatReply").getInt("count"))
                .isEqualTo(1);
        JsonObject last = report.getJsonArray("history").getJsonObject(59);
        assertThat(last.keySet()).containsExactly("t", "iamat", "whatsat", "invalid", "floodIn", "floodOut");
        assertThat(last.getJsonNumber("t").longValue()).isEqualTo(1_764_000_123_000L);
        assertThat(last.getInt("iamat")).isEqualTo(3);
        assertThat(report.getJsonArray("unreadable")).isEmpty();
    }

    @Test
    void unreadableFloodMessagesAreListedNewestFirstWithTheirSender() {
        activity.unreadableFloodMessage("Holiday", "ID:1", "its first line is not the version mark herd-flood/1: x");
        activity.unreadableFloodMessage(null, "ID:2", "it is of unknown kind 'null'");

        JsonArray unreadable =
                NodeReport.of(WELSH, NOW, 0, 0, true, activity.snapshot()).getJsonArray("unreadable");

        assertThat(unreadable).hasSize(2);
        JsonObject newest = unreadable.getJsonObject(0);
        assertThat(newest.keySet()).containsExactly("at", "from", "messageId", "problem");
        assertThat(newest.isNull("from")).isTrue();
        assertThat(newest.getString("messageId")).isEqualTo("ID:2");
        JsonObject oldest = unreadable.getJsonObject(1);
        assertThat(oldest.getJsonNumber("at").longValue()).isEqualTo(NOW);
        assertThat(oldest.getString("from")).isEqualTo("Holiday");
        assertThat(oldest.getString("problem")).startsWith("its first line");
    }
}
