package io.proxyherd.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WhatsAtTest {

    @ParameterizedTest(name = "{0} km is \"{1}\" m")
    @CsvSource({
        "10,       10000",
        "2.5,      2500",
        "0.0005,   0.5",
        "50,       50000",
        "50.000,   50000",
        "1.000,    1000",
        "0.001,    1",
        "0.0001,   0.1",
        "12.3456,  12345.6",
        "0.000001, 0.001",
    })
    void radiusInMetresIsAPlainString(String radiusKm, String metres) {
        WhatsAt whatsAt = (WhatsAt) Request.parse("WHATSAT kiwi " + radiusKm + " 5");

        assertThat(whatsAt.radiusMetres().stripTrailingZeros().toPlainString()).isEqualTo(metres);
    }

    @ParameterizedTest(name = "radius {0}, max {1}")
    @CsvSource({"0, 5", "50.1, 5", "-1, 5", "10, 0", "10, 21"})
    void constructorRejectsOutOfRangeValues(String radiusKm, int maxResults) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new WhatsAt("kiwi", new BigDecimal(radiusKm), maxResults));
    }
}
