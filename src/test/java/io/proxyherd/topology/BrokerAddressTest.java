package io.proxyherd.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BrokerAddressTest {

    @Test
    void readsHostAndPort() {
        assertThat(BrokerAddress.parse("broker.example.org:61616"))
                .isEqualTo(new BrokerAddress("broker.example.org", 61616));
        assertThat(BrokerAddress.parse("[::1]:5000")).isEqualTo(new BrokerAddress("[::1]", 5000));
    }

    @Test
    void refusesWhatIsNotHostColonPort() {
        assertThatThrownBy(() -> BrokerAddress.parse("broker")).hasMessageContaining("HOST:PORT");
        assertThatThrownBy(() -> BrokerAddress.parse(":61616")).hasMessageContaining("HOST:PORT");
        assertThatThrownBy(() -> BrokerAddress.parse("broker:")).hasMessageContaining("HOST:PORT");
        assertThatThrownBy(() -> BrokerAddress.parse("broker:sixty")).hasMessageContaining("not a number");
        assertThatThrownBy(() -> BrokerAddress.parse("broker:70000")).hasMessageContaining("out of range");
    }
}
