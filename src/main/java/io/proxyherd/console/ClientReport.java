package io.proxyherd.console;

import static io.proxyherd.json.SharedJson.JSON;

import io.proxyherd.flood.LocationRegistry;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.util.Locale;

/** {@code GET /api/clients}: the clients this node knows, most recent client time first, optionally searched. */
public final class ClientReport {

    public static final int DEFAULT_LIMIT = 200;
    public static final int MAX_LIMIT = 1000;

    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

    private ClientReport() {}

    /**
     * @param query a case-insensitive substring of the client id, or null/blank for every client
     * @param limit at most this many clients are listed (clamped to 0..{@link #MAX_LIMIT})
     */
    public static JsonObject of(LocationRegistry registry, String query, int limit, long nowMillis) {
        String needle = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        LocationRegistry.Newest newest = registry.newest(
                id -> id.toLowerCase(Locale.ROOT).contains(needle), Math.max(0, Math.min(limit, MAX_LIMIT)));
        JsonArrayBuilder clients = JSON.createArrayBuilder();
        newest.lines().forEach(line -> {
            BigDecimal clientMillis =
                    line.clientTime().seconds().multiply(THOUSAND).stripTrailingZeros();
            double ago = (nowMillis - clientMillis.doubleValue()) / 1000;
            clients.add(JSON.createObjectBuilder()
                    .add("id", line.clientId())
                    .add("latitude", line.position().latitude())
                    .add("longitude", line.position().longitude())
                    .add("origin", line.server())
                    .add("clientTime", clientMillis.scale() < 0 ? clientMillis.setScale(0) : clientMillis)
                    .add("agoSeconds", Math.round(ago * 10) / 10.0));
        });
        return JSON.createObjectBuilder()
                .add("total", registry.size())
                .add("matched", newest.matched())
                .add("clients", clients)
                .build();
    }
}
