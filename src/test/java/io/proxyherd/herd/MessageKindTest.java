package io.proxyherd.herd;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MessageKindTest {

    @Test
    void aMessageWithoutAKindIsAnUpdate() {
        assertThat(MessageKind.of(null)).contains(MessageKind.UPDATES);
    }

    @Test
    void aCatchUpRequestIsToldApartByItsKind() {
        assertThat(MessageKind.of(MessageKind.CATCH_UP_REQUEST.value())).contains(MessageKind.CATCH_UP_REQUEST);
        assertThat(MessageKind.CATCH_UP_REQUEST.value()).isEqualTo("catch-up-request");
    }

    @Test
    void aKindThisNodeDoesNotKnowIsNone() {
        assertThat(MessageKind.of("snapshot")).isEmpty();
        assertThat(MessageKind.of("")).isEmpty();
    }
}
