package io.proxyherd.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * A node's counters as Prometheus reads them from {@code /metrics}: Payara names an application
 * counter {@code herd_flood_out} as {@code herd_flood_out_total{mp_scope="application"}}; older
 * MicroProfile Metrics put {@code application_} in front. Both are read by the plain name.
 */
public final class NodeMetrics {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final String OLD_PREFIX = "application_";

    private final Map<String, Double> values;

    private NodeMetrics(Map<String, Double> values) {
        this.values = values;
    }

    public static NodeMetrics read(String host, int httpPort) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + host + ":" + httpPort + "/metrics"))
                .timeout(Duration.ofSeconds(10))
                .build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(request.uri() + " answered " + response.statusCode());
        }
        return parse(response.body());
    }

    /** Sums a name's samples over its labels; comment lines and unreadable values are skipped. */
    public static NodeMetrics parse(String text) {
        Map<String, Double> values = new HashMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int nameEnd = indexOfAny(line, "{ ");
            int valueStart = line.lastIndexOf(' ');
            if (nameEnd <= 0 || valueStart <= 0) {
                continue;
            }
            String name = line.substring(0, nameEnd);
            try {
                values.merge(
                        name.startsWith(OLD_PREFIX) ? name.substring(OLD_PREFIX.length()) : name,
                        Double.parseDouble(line.substring(valueStart + 1)),
                        Double::sum);
            } catch (NumberFormatException e) {
                // not a sample line
            }
        }
        return new NodeMetrics(values);
    }

    /** The counter's value, 0 if the node does not report it. */
    public double counter(String name) {
        return value(name);
    }

    /** The sample's value (summed over its labels), 0 if the node does not report it. */
    public double value(String name) {
        return values.getOrDefault(name, 0.0);
    }

    private static int indexOfAny(String line, String characters) {
        for (int i = 0; i < line.length(); i++) {
            if (characters.indexOf(line.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
