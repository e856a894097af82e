package io.proxyherd.herd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff();

    @Test
    void waitsDoubleFromAHundredMillisecondsUpToFiveSeconds() {
        assertThat(LongStream.generate(backoff::next).limit(9))
                .containsExactly(100L, 200L, 400L, 800L, 1_600L, 3_200L, 5_000L, 5_000L, 5_000L);
    }

    @Test
    void aSuccessStartsTheWaitsAgain() {
        backoff.next();
        backoff.next();

        backoff.reset();

        assertThat(backoff.next()).isEqualTo(100);
    }
}
