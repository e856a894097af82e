package io.proxyherd.activity;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Timer;

/** Mirrors the node's activity into MicroProfile Metrics, which Payara serves at /metrics for Prometheus. */
final class MetricsSink implements ActivitySink {

    private final Map<Count, Counter> counters = new EnumMap<>(Count.class);
    private final Map<Timing, Timer> timers = new EnumMap<>(Timing.class);

    MetricsSink(MetricRegistry registry) {
        for (Count count : Count.values()) {
            counters.put(
                    count,
                    registry.counter(Metadata.builder()
                            .withName(count.metric())
                            .withDescription("Proxy Herd: " + count.key() + " since the node started")
                            .build()));
        }
        for (Timing timing : Timing.values()) {
            timers.put(
                    timing,
                    registry.timer(Metadata.builder()
                            .withName(timing.metric())
                            .withDescription("Proxy Herd: " + timing.key() + " latency")
                            // What update(Duration) records; Payara then prints mean, max and sum in seconds.
                            .withUnit(MetricUnits.NANOSECONDS)
                            .build()));
        }
    }

    @Override
    public void counted(Count count, long n) {
        counters.get(count).inc(n);
    }

    @Override
    public void timed(Timing timing, long nanos) {
        timers.get(timing).update(Duration.ofNanos(nanos));
    }
}
