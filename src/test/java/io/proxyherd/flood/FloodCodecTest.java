package io.proxyherd.flood;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.proxyherd.protocol.AtLine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FloodCodecTest {

    private static final FloodCodec CODEC = new FloodCodec(new BatchBounds(3, 1_000));

    @Test
    void aBatchRoundTripsInOrderWithItsStamps() throws Exception {
        List<Update> updates =
                List.of(update("kiwi", 1_700_000_000_123L), update("apple", 0), update("kiwi.cs.ucla.edu", 42));

        List<byte[]> bodies = CODEC.encode(updates);

        assertThat(bodies).hasSize(1);
        assertThat(FloodCodec.decode(bodies.get(0))).isEqualTo(updates);
    }

    @Test
    void theBodyIsTheVersionMarkThenAStampAndAnAtLinePerLine() {
        Update update = update("kiwi", 17);

        String body = new String(CODEC.encode(List.of(update)).get(0), StandardCharsets.UTF_8);

        assertThat(body).isEqualTo("herd-flood/1\n17 " + update.line().text() + "\n");
    }

    @Test
    void eachBodyIsHandedOnAsSoonAsItIsFullWithTheUpdatesItCarriesAndASinkThatFailsStopsTheRest() throws Exception {
        List<Update> updates =
                IntStream.range(0, 7).mapToObj(i -> update("client-" + i, i)).toList();
        List<byte[]> handed = new ArrayList<>();
        List<List<Update>> carried = new ArrayList<>();

        assertThatExceptionOfType(IOException.class)
                .isThrownBy(() -> CODEC.<IOException>encode(updates, (body, itsUpdates) -> {
                    handed.add(body);
                    carried.add(itsUpdates);
                    if (handed.size() == 2) {
                        throw new IOException("the broker went away");
                    }
                }));

        assertThat(handed).hasSize(2);
        assertThat(handed.get(0)).isEqualTo(CODEC.encode(updates).get(0));
        assertThat(handed.get(1)).isEqualTo(CODEC.encode(updates).get(1));
        assertThat(carried.get(0)).isEqualTo(FloodCodec.decode(handed.get(0)));
        assertThat(carried.get(1)).isEqualTo(FloodCodec.decode(handed.get(1)));
    }

    @Test
    void readsEachUpdateOnceWhateverItsBodies() {
        List<Update> updates =
                IntStream.range(0, 7).mapToObj(i -> update("client-" + i, i)).toList();
        AtomicInteger reads = new AtomicInteger();
        List<Update> counted = new AbstractList<>() {
            @Override
            public Update get(int index) {
                reads.incrementAndGet();
                return updates.get(index);
            }

            @Override
            public int size() {
                return updates.size();
            }
        };
        List<Update> carried = new ArrayList<>();

        CODEC.<RuntimeException>encode(counted, (body, itsUpdates) -> carried.addAll(itsUpdates));

        assertThat(carried).isEqualTo(updates);
        assertThat(reads).hasValue(updates.size());
    }

    @Test
    void noUpdatesMakeNoMessage() {
        assertThat(CODEC.encode(List.of())).isEmpty();
    }

    @Test
    void aBatchOverTheCountBoundIsSplitInOrder() throws Exception {
        List<Update> updates =
                IntStream.range(0, 7).mapToObj(i -> update("client-" + i, i)).toList();

        List<byte[]> bodies = CODEC.encode(updates);

        assertThat(bodies).hasSize(3);
        assertThat(FloodCodec.decode(bodies.get(0))).isEqualTo(updates.subList(0, 3));
        assertThat(FloodCodec.decode(bodies.get(1))).isEqualTo(updates.subList(3, 6));
        assertThat(FloodCodec.decode(bodies.get(2))).isEqualTo(updates.subList(6, 7));
    }

    @Test
    void aBatchOverTheByteBoundIsSplitAndEachBodyStaysWithinIt() throws Exception {
        FloodCodec codec = new FloodCodec(new BatchBounds(100, 250));
        List<Update> updates = IntStream.range(0, 10)
                .mapToObj(i -> update("client-" + i, 1_700_000_000_000L + i))
                .toList();

        List<byte[]> bodies = codec.encode(updates);

        assertThat(bodies)
                .hasSizeGreaterThan(1)
                .allSatisfy(body -> assertThat(body.length).isLessThanOrEqualTo(250));
        assertThat(bodies.stream().flatMap(body -> decodeQuietly(body).stream()).toList())
                .isEqualTo(updates);
    }

    @Test
    void anUpdateLargerThanTheByteBoundTravelsAlone() throws Exception {
        FloodCodec codec = new FloodCodec(new BatchBounds(100, 40));
        List<Update> updates = List.of(update("a", 1), update("b", 2));

        List<byte[]> bodies = codec.encode(updates);

        assertThat(bodies).hasSize(2);
        assertThat(FloodCodec.decode(bodies.get(1))).containsExactly(updates.get(1));
    }

    @Test
    void aNonAsciiClientIdRoundTripsAndCountsItsBytes() throws Exception {
        Update update = update("zürich-ü", 5);
        FloodCodec codec = new FloodCodec(new BatchBounds(100, 1_000));

        byte[] body = codec.encode(List.of(update)).get(0);

        assertThat(FloodCodec.decode(body)).containsExactly(update);
        assertThat(body.length)
                .isEqualTo(("herd-flood/1\n5 " + update.line().text() + "\n").getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void malformedBodiesAreRefusedWithTheReason() {
        String at = update("kiwi", 1).line().text();
        assertMalformed("", "version mark");
        assertMalformed("herd-flood/2\n1 " + at + "\n", "version mark");
        assertMalformed(at + "\n", "version mark");
        assertMalformed("herd-flood/1\n", "no update");
        assertMalformed("herd-flood/1\n1 " + at, "line end");
        assertMalformed("herd-flood/1\n" + at + "\n", "line 2");
        assertMalformed("herd-flood/1\n-1 " + at + "\n", "line 2");
        assertMalformed("herd-flood/1\n1x " + at + "\n", "line 2");
        assertMalformed("herd-flood/1\n1 " + at + "\n2 AT Welsh not-an-at-line\n", "line 3");
        assertMalformed("herd-flood/1\n1  " + at + "\n", "line 2");
        assertMalformed("herd-flood/1\n1 " + at.replace(" kiwi ", "  kiwi ") + "\n", "line 2");
        assertMalformed("herd-flood/1\n1 " + at.replace(" kiwi ", "\tkiwi ") + "\n", "line 2");
        assertMalformed("herd-flood/1\n1 " + at + " \n", "line 2");
        assertMalformed("herd-flood/1\n1 " + at + "\n\n", "line 3");
        assertMalformed("herd-flood/1\n1234567890123456789 " + at + "\n", "line 2");
    }

    @Test
    void invalidUtf8IsRefused() {
        byte[] body = {'h', 'e', 'r', 'd', (byte) 0xC3, (byte) 0x28, '\n'};

        assertThatThrownBy(() -> FloodCodec.decode(body))
                .isInstanceOf(MalformedFloodMessage.class)
                .hasMessageContaining("UTF-8");
    }

    @Test
    void aDescriptionOfALongBodyIsShortAndOnOneLine() {
        String description =
                FloodCodec.describe(("herd-flood/1\n" + "x".repeat(5_000)).getBytes(StandardCharsets.UTF_8));

        assertThat(description)
                .doesNotContain("\n")
                .contains("herd-flood/1\\n")
                .contains("5013 characters")
                .hasSizeLessThan(260);
    }

    private static void assertMalformed(String body, String reason) {
        assertThatThrownBy(() -> FloodCodec.decode(body.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedFloodMessage.class)
                .hasMessageContaining(reason);
    }

    private static List<Update> decodeQuietly(byte[] body) {
        try {
            return FloodCodec.decode(body);
        } catch (MalformedFloodMessage e) {
            throw new AssertionError(e);
        }
    }

    static Update update(String client, long stamp) {
        return new Update(
                AtLine.parse("AT Welsh +0.000123456 " + client + " +34.068930-118.445127 1700000000.000000001")
                        .orElseThrow(),
                stamp);
    }
}
