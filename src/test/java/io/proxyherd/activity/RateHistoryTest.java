package io.proxyherd.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RateHistoryTest {

    private static final long T0 = 1_764_000_000_000L;

    private final RateHistory history = new RateHistory();

    @Test
    void countsLandInTheSecondTheyHappenedOldestFirst() {
        history.record(Count.IAMAT, 1, T0 + 100);
        history.record(Count.IAMAT, 2, T0 + 900);
        history.record(Count.FLOOD_OUT, 3, T0 + 1_000);

        List<RateHistory.Second> seconds = history.history(T0 + 1_500);

        assertThat(seconds).hasSize(60);
        assertThat(seconds.get(59).startMillis()).isEqualTo(T0 + 1_000);
        assertThat(seconds.get(59).count(Count.FLOOD_OUT)).isEqualTo(3);
        assertThat(seconds.get(58).startMillis()).isEqualTo(T0);
        assertThat(seconds.get(58).count(Count.IAMAT)).isEqualTo(3);
        assertThat(seconds.get(0).startMillis()).isEqualTo(T0 - 58_000);
    }

    @Test
    void aSecondAMinuteOldIsForgottenWhenItsSlotComesRoundAgain() {
        history.record(Count.WHATSAT, 5, T0);
        history.record(Count.WHATSAT, 1, T0 + 60_000);

        List<RateHistory.Second> seconds = history.history(T0 + 60_000);

        assertThat(seconds).extracting(second -> second.count(Count.WHATSAT)).containsOnly(0L, 1L);
        assertThat(seconds.get(59).count(Count.WHATSAT)).isEqualTo(1);
    }

    @Test
    void aSecondLeavesTheHistoryAMinuteLaterEvenIfNothingReplacedIt() {
        history.record(Count.WHATSAT, 5, T0);

        assertThat(sum(history.history(T0 + 59_999), Count.WHATSAT)).isEqualTo(5);
        assertThat(sum(history.history(T0 + 60_000), Count.WHATSAT)).isZero();
    }

    private static long sum(List<RateHistory.Second> seconds, Count count) {
        return seconds.stream().mapToLong(second -> second.count(count)).sum();
    }

    @Test
    void theRateIsTheMeanOfTheLastFinishedSeconds() {
        for (int second = 0; second < 10; second++) {
            history.record(Count.FLOOD_IN, second, T0 + second * 1_000L);
        }
        history.record(Count.FLOOD_IN, 1_000, T0 + 10_200);

        // 0 + 1 + ... + 9 over ten seconds; the unfinished current second does not count.
        assertThat(history.rate(Count.FLOOD_IN, 10, T0 + 10_500)).isEqualTo(4.5);
        assertThat(history.rate(Count.INVALID, 10, T0 + 10_500)).isZero();
    }
}
