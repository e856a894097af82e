package io.proxyherd.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class NodeMetricsTest {

    private static NodeMetrics sample() throws IOException {
        try (InputStream in = NodeMetricsTest.class.getResourceAsStream("/support/payara-metrics.txt")) {
            return NodeMetrics.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void readsACounterAsPayaraNamesIt() throws IOException {
        assertThat(sample().counter("herd_flood_out_total")).isEqualTo(10964.0);
    }

    @Test
    void readsACounterUnderTheOldApplicationPrefixByItsPlainName() throws IOException {
        assertThat(sample().counter("herd_iamat_total")).isEqualTo(5482.0);
    }

    @Test
    void aCounterTheNodeDoesNotReportIsZero() throws IOException {
        assertThat(sample().counter("herd_no_such_total")).isZero();
    }
}
