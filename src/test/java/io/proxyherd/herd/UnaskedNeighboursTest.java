package io.proxyherd.herd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.JMSRuntimeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UnaskedNeighboursTest {

    private final List<String> asked = new ArrayList<>();

    @Test
    void everyNeighbourIsAskedOnce() {
        UnaskedNeighbours unasked = new UnaskedNeighbours(Set.of("Hands", "Goloman", "Wilkes"));

        assertThat(unasked.askEach(asked::add)).isTrue();
        assertThat(unasked.askEach(asked::add)).isTrue();

        assertThat(asked).containsExactly("Goloman", "Hands", "Wilkes");
        assertThat(unasked.remaining()).isEmpty();
    }

    @Test
    void aFailedRequestIsAskedAgainAndOnlyTheUnaskedWithIt() {
        UnaskedNeighbours unasked = new UnaskedNeighbours(Set.of("Goloman", "Hands", "Wilkes"));

        assertThatThrownBy(() -> unasked.askEach(neighbour -> {
                    if (neighbour.equals("Hands")) {
                        throw new JMSRuntimeException("the broker is away");
                    }
                    asked.add(neighbour);
                }))
                .isInstanceOf(JMSRuntimeException.class);
        assertThat(unasked.remaining()).containsExactlyInAnyOrder("Hands", "Wilkes");

        assertThat(unasked.askEach(asked::add)).isTrue();
        assertThat(asked).containsExactly("Goloman", "Hands", "Wilkes");
    }

    @Test
    void aNodeWithoutNeighboursHasNobodyToAsk() {
        assertThat(new UnaskedNeighbours(Set.of()).askEach(asked::add)).isTrue();
        assertThat(asked).isEmpty();
    }
}
