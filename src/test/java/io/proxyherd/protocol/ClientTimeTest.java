package io.proxyherd.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ClientTimeTest {

    @ParameterizedTest
    @ValueSource(strings = {"1520023934.918963997", "1520023934.5", "1520023934", "0", "0.000000001", "007.10"})
    void keepsTheTextAndItsExactValue(String text) {
        ClientTime time = ClientTime.parse(text).orElseThrow();

        assertThat(time.text()).isEqualTo(text);
        assertThat(time.seconds()).isEqualTo(new BigDecimal(text));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(
            strings = {
                "1520023934.9189639970", // ten fraction digits
                "+1520023934.5",
                "-1520023934.5",
                "1.5e9",
                "1E9",
                "1520023934.",
                ".5",
                "1,5",
                "1.5.5",
                "0x10",
                "NaN",
                "\u0661",
                " 1",
                "",
            })
    void rejectsMalformedTimes(String text) {
        assertThat(ClientTime.parse(text)).isEmpty();
    }

    @Test
    void rejectsNull() {
        assertThat(ClientTime.parse(null)).isEmpty();
    }

    @Test
    void comparesTheNinthDigitExactly() {
        ClientTime earlier = time("1520023934.918963997");
        ClientTime later = time("1520023934.918963998");

        // The two are the same double, which is why timestamps must never be compared as doubles.
        assertThat(Double.parseDouble(earlier.text())).isEqualTo(Double.parseDouble(later.text()));
        assertThat(earlier.compareTo(later)).isNegative();
        assertThat(later.compareTo(earlier)).isPositive();
    }

    @Test
    void differentSpellingsOfOneInstantCompareEqual() {
        assertThat(time("1.5").compareTo(time("1.500000000"))).isZero();
        assertThat(time("2").compareTo(time("2.0"))).isZero();
        assertThat(time("1.5")).isNotEqualTo(time("1.500000000"));
    }

    @ParameterizedTest(name = "{0} < {1}")
    @CsvSource({
        "0, 0.000000001",
        "9.999999999, 10",
        "99, 100",
        "0099, 100",
        "100, 100.000000001",
        "1520023934.5, 1520023934.500000001",
        "1520023934.918963997, 1520023935",
        "99999999999999999999999, 100000000000000000000000",
    })
    void comparesByValueWhateverTheDigitCounts(String earlier, String later) {
        assertThat(time(earlier).compareTo(time(later))).isNegative();
        assertThat(time(later).compareTo(time(earlier))).isPositive();
        assertThat(time(earlier).compareTo(time(earlier))).isZero();
        assertThat(Integer.signum(time(earlier).compareTo(time(later))))
                .isEqualTo(new BigDecimal(earlier).compareTo(new BigDecimal(later)));
    }

    @Test
    void equalTextsGiveEqualTimes() {
        assertThat(new ClientTime("1.5")).isEqualTo(time("1.5"));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {"1.5.", "-1", "1.0000000001", ""})
    void constructorRejectsInvalidText(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> new ClientTime(text));
    }

    private static ClientTime time(String text) {
        return ClientTime.parse(text).orElseThrow();
    }
}
