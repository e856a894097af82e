package io.proxyherd.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** The difference worked out in seconds and nanoseconds is the exact decimal one, for any client time. */
class TimeDifferenceTest {

    @Property(tries = 5_000)
    void isTheExactDecimalDifference(
            @ForAll @LongRange(min = -31_557_014_167_219_200L, max = 31_556_889_864_403_199L) long epochSecond,
            @ForAll @IntRange(min = 0, max = 999_999_999) int nano,
            @ForAll("clientTimes") String clientTime) {
        Instant received = Instant.ofEpochSecond(epochSecond, nano);
        ClientTime client = ClientTime.parse(clientTime).orElseThrow();

        assertThat(TimeDifference.between(received, client)).isEqualTo(TimeDifference.exact(received, client));
    }

    @Property(tries = 2_000)
    void isTheExactDecimalDifferenceForClientTimesCloseToTheReceiveTime(
            @ForAll @LongRange(min = 0, max = 4_000_000_000L) long epochSecond,
            @ForAll @IntRange(min = 0, max = 999_999_999) int nano,
            @ForAll @IntRange(min = -3, max = 3) int secondsApart,
            @ForAll @IntRange(min = 0, max = 999_999_999) int clientNano) {
        Instant received = Instant.ofEpochSecond(epochSecond, nano);
        long clientSecond = Math.max(0, epochSecond + secondsApart);
        ClientTime client = ClientTime.parse(clientSecond + "." + String.format("%09d", clientNano))
                .orElseThrow();

        assertThat(TimeDifference.between(received, client)).isEqualTo(TimeDifference.exact(received, client));
    }

    /** Unsigned decimals as a client may write them: 1-22 integer digits (leading zeros too), 0-9 fraction digits. */
    @Provide
    Arbitrary<String> clientTimes() {
        Arbitrary<String> seconds =
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(22);
        Arbitrary<String> fraction =
                Arbitraries.strings().numeric().ofMinLength(0).ofMaxLength(9);
        return Combinators.combine(seconds, fraction).as((whole, part) -> part.isEmpty() ? whole : whole + "." + part);
    }
}
