package io.proxyherd.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RestartBackoffTest {

    private static final long SECOND = 1_000_000_000L;

    private final RestartBackoff backoff = RestartBackoff.DEFAULT.copy();

    @Test
    void oneSecondDoublingToThirty() {
        List<Long> delays = new ArrayList<>();
        for (int death = 0; death < 8; death++) {
            delays.add(backoff.afterDeath(death * SECOND).toSeconds());
        }

        assertThat(delays).containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L);
    }

    @Test
    void aNodeThatServedBrieflyKeepsDoubling() {
        backoff.afterDeath(0);
        backoff.serving(5 * SECOND);

        assertThat(backoff.afterDeath(65 * SECOND)).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aNodeThatServedTwoMinutesStartsAgainAfterOneSecond() {
        for (int death = 0; death < 6; death++) {
            backoff.afterDeath(death * SECOND);
        }
        backoff.serving(100 * SECOND);

        assertThat(backoff.afterDeath(220 * SECOND)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.afterDeath(222 * SECOND)).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aStartThatFailsCountsAsADeath() {
        backoff.serving(0);
        backoff.afterDeath(200 * SECOND);

        // Never served again: the next death doubles, however long ago the last serving was.
        assertThat(backoff.afterDeath(400 * SECOND)).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aMaximumBelowTheFirstDelayIsRefused() {
        assertThatThrownBy(
                        () -> new RestartBackoff(Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
