package io.proxyherd.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LatencyWindowTest {

    private static final long T0 = 1_764_000_000_000L;

    private final LatencyWindow window = new LatencyWindow();

    @Test
    void nothingRecordedSaysZeroSamples() {
        assertThat(window.summary(T0)).isEqualTo(new LatencyWindow.Summary(0, 0, 0, 0, 0));
    }

    @Test
    void percentilesInMillisecondsOfWhatWasRecorded() {
        for (int millis = 1; millis <= 100; millis++) {
            window.record(TimeUnit.MILLISECONDS.toNanos(millis), T0 + millis);
        }

        LatencyWindow.Summary summary = window.summary(T0 + 200);

        assertThat(summary.count()).isEqualTo(100);
        assertThat(summary.p50()).isCloseTo(50, within(1.0));
        assertThat(summary.p90()).isCloseTo(90, within(1.0));
        assertThat(summary.p99()).isCloseTo(99, within(1.0));
        assertThat(summary.max()).isCloseTo(100, within(1.0));
    }

    @Test
    void samplesOlderThanAMinuteLeaveTheWindow() {
        window.record(TimeUnit.SECONDS.toNanos(5), T0);
        window.record(TimeUnit.MILLISECONDS.toNanos(2), T0 + 30_000);

        assertThat(window.summary(T0 + 50_000).count()).isEqualTo(2);
        LatencyWindow.Summary later = window.summary(T0 + 75_000);
        assertThat(later.count()).isEqualTo(1);
        assertThat(later.max()).isCloseTo(2, within(0.1));
        assertThat(window.summary(T0 + 200_000).count()).isZero();
    }

    @Test
    void aSummaryInTheMiddleOfASliceKeepsWhatFollowsIt() {
        window.record(TimeUnit.MILLISECONDS.toNanos(1), T0);
        window.summary(T0 + 1);
        window.record(TimeUnit.MILLISECONDS.toNanos(3), T0 + 2);

        assertThat(window.summary(T0 + 3).count()).isEqualTo(2);
    }
}
