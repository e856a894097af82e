package io.proxyherd.console;

import static io.proxyherd.json.SharedJson.JSON;

import io.proxyherd.activity.Count;
import io.proxyherd.activity.LatencyWindow;
import io.proxyherd.activity.NodeActivity;
import io.proxyherd.activity.RateHistory;
import io.proxyherd.activity.Timing;
import io.proxyherd.activity.UnreadableMessage;
import io.proxyherd.topology.LocalNode;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/** {@code GET /api/node}: one node's identity and activity, as JSON (see the README for the fields). */
public final class NodeReport {

    private NodeReport() {}

    public static JsonObject of(
            LocalNode node,
            long startedAt,
            int connections,
            int clients,
            boolean ready,
            NodeActivity.Snapshot activity) {
        JsonArrayBuilder neighbours = JSON.createArrayBuilder();
        node.neighbours().forEach(neighbours::add);
        JsonObjectBuilder totals = JSON.createObjectBuilder();
        activity.totals().forEach((count, total) -> totals.add(count.key(), total));
        JsonObjectBuilder rates = JSON.createObjectBuilder();
        activity.rates().forEach((count, rate) -> rates.add(count.key(), rounded(rate)));
        JsonObjectBuilder latency = JSON.createObjectBuilder();
        for (Timing timing : Timing.values()) {
            latency.add(timing.key(), latency(activity.latencies().get(timing)));
        }
        JsonArrayBuilder history = JSON.createArrayBuilder();
        for (RateHistory.Second second : activity.history()) {
            JsonObjectBuilder entry = JSON.createObjectBuilder().add("t", second.startMillis());
            Count.FLOWS.forEach(count -> entry.add(count.key(), second.count(count)));
            history.add(entry);
        }
        JsonArrayBuilder unreadable = JSON.createArrayBuilder();
        for (UnreadableMessage message : activity.recentUnreadable()) {
            JsonObjectBuilder entry = JSON.createObjectBuilder().add("at", message.atMillis());
            (message.from() == null ? entry.addNull("from") : entry.add("from", message.from()))
                    .add("messageId", message.messageId())
                    .add("problem", message.problem());
            unreadable.add(entry);
        }
        return JSON.createObjectBuilder()
                .add("name", node.name())
                .add("startedAt", startedAt)
                .add("uptimeSeconds", Math.max(0, (activity.takenAt() - startedAt) / 1000))
                .add("clientPort", node.address().clientPort())
                .add("httpPort", node.address().httpPort())
                .add("neighbours", neighbours)
                .add("connections", connections)
                .add("clients", clients)
                .add("ready", ready)
                .add("totals", totals)
                .add("rates", rates)
                .add("latency", latency)
                .add("history", history)
                .add("unreadable", unreadable)
                .build();
    }

    private static JsonObjectBuilder latency(LatencyWindow.Summary summary) {
        return JSON.createObjectBuilder()
                .add("count", summary.count())
                .add("p50", summary.p50())
                .add("p90", summary.p90())
                .add("p99", summary.p99())
                .add("max", summary.max());
    }

    private static double rounded(double rate) {
        return Math.round(rate * 100) / 100.0;
    }
}
