package io.proxyherd.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.proxyherd.flood.LocationRegistry;
import io.proxyherd.protocol.AtLine;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

class ClientReportTest {

    private static final AtLine KIWI =
            at("AT Welsh +0.263873386 kiwi.cs.ucla.edu +34.068930-118.445127 1479413884.392014450");
    private static final AtLine APPLE = at("AT Hands +0.100000000 apple.example -33.868820+151.209296 1479413890");
    private static final AtLine PEAR = at("AT Hands +0.100000000 pear.example +01.000000+001.000000 1479413800.5");
    private static final long NOW = 1_479_413_900_000L;

    @Test
    void everyClientMostRecentFirstWithItsFields() {
        JsonObject report = ClientReport.of(registry(KIWI, APPLE, PEAR), null, 200, NOW);

        assertThat(report.getInt("total")).isEqualTo(3);
        assertThat(report.getInt("matched")).isEqualTo(3);
        assertThat(report.getJsonArray("clients").getValuesAs(JsonObject.class))
                .extracting(client -> client.getString("id"))
                .containsExactly("apple.example", "kiwi.cs.ucla.edu", "pear.example");
        assertThat(report.getJsonArray("clients").getJsonObject(1).toString())
                .isEqualTo("{\"id\":\"kiwi.cs.ucla.edu\","
                        + "\"latitude\":34.068930,\"longitude\":-118.445127,\"origin\":\"Welsh\",\"clientTime\":1479413884392.01445,"
                        + "\"agoSeconds\":15.6}");
        assertThat(report.getJsonArray("clients")
                        .getJsonObject(0)
                        .get("clientTime")
                        .toString())
                .isEqualTo("1479413890000");
    }

    @Test
    void searchesTheIdCaseInsensitively() {
        JsonObject report = ClientReport.of(registry(KIWI, APPLE, PEAR), "  EXAMPLE ", 200, NOW);

        assertThat(report.getInt("total")).isEqualTo(3);
        assertThat(report.getInt("matched")).isEqualTo(2);
        assertThat(report.getJsonArray("clients")).hasSize(2);
    }

    @Test
    void listsAtMostTheLimitButCountsEveryMatch() {
        assertThat(ClientReport.of(registry(KIWI, APPLE, PEAR), "", 1, NOW).getJsonArray("clients"))
                .hasSize(1);
        assertThat(ClientReport.of(registry(KIWI, APPLE, PEAR), "", 1, NOW).getInt("matched"))
                .isEqualTo(3);
        assertThat(ClientReport.of(registry(KIWI, APPLE, PEAR), "", -5, NOW).getJsonArray("clients"))
                .isEmpty();
    }

    private static LocationRegistry registry(AtLine... lines) {
        LocationRegistry registry = new LocationRegistry();
        for (AtLine line : lines) {
            registry.offer(line);
        }
        return registry;
    }

    private static AtLine at(String line) {
        return AtLine.parse(line).orElseThrow();
    }
}
