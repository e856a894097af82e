package io.proxyherd.herd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.proxyherd.protocol.AtLine;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CatchUpAnswerTest {

    @Test
    void theAnswerIsEveryKnownLineAsAnUnstampedUpdateFromTheAnsweringNode() {
        AtLine kiwi = at("AT Welsh +0.100000000 kiwi +34.068930-118.445127 1520023934.918963997");
        AtLine lime = at("AT Hands -0.000000001 lime +01.000000+001.000000 1520023935.5");

        List<List<FloodMessage>> batches = CatchUpAnswer.batches(List.of(kiwi, lime), "Holiday", 500);

        assertThat(batches).containsExactly(List.of(
                new FloodMessage(kiwi.text(), "Holiday", 0),
                new FloodMessage(lime.text(), "Holiday", 0)));
    }

    @Test
    void aLargeRegistryIsAnsweredInFullBatchesAndOneRemainder() {
        List<AtLine> known = IntStream.range(0, 1001)
                .mapToObj(i -> at("AT Welsh +0.100000000 client-" + i + " +34.068930-118.445127 1520023934." + i))
                .toList();

        List<List<FloodMessage>> batches = CatchUpAnswer.batches(known, "Goloman", 500);

        assertThat(batches).extracting(List::size).containsExactly(500, 500, 1);
        assertThat(batches.stream().flatMap(List::stream).map(FloodMessage::atLine))
                .containsExactlyElementsOf(known.stream().map(AtLine::text).toList());
    }

    @Test
    void anEmptyRegistryAnswersNothing() {
        assertThat(CatchUpAnswer.batches(List.of(), "Wilkes", 500)).isEmpty();
    }

    @Test
    void aBatchHoldsAtLeastOneUpdate() {
        assertThatThrownBy(() -> CatchUpAnswer.batches(List.of(), "Wilkes", 0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static AtLine at(String text) {
        return AtLine.parse(text).orElseThrow();
    }
}
