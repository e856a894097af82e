package io.proxyherd.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class AtLineTest {

    private static final String KIWI_AT =
            "AT Goloman +0.263873386 kiwi.cs.ucla.edu +34.068930-118.445127 1520023934.918963997";

    @Test
    void stampsTheSpecExample() {
        IAmAt iamat = iamat("IAMAT kiwi.cs.ucla.edu +34.068930-118.445127 1520023934.918963997");

        AtLine at = AtLine.stamp("Goloman", Instant.ofEpochSecond(1520023935, 182837383), iamat);

        assertThat(at.text()).isEqualTo(KIWI_AT);
        assertThat(at.reply()).isEqualTo(KIWI_AT + "\n");
    }

    @ParameterizedTest(name = "received {0}s+{1}ns, client {2} -> {3}")
    @CsvFileSource(resources = "time-differences.csv")
    void timeDifferenceIsExact(long epochSecond, int nano, String clientTime, String difference) {
        IAmAt iamat = iamat("IAMAT kiwi +34-118 " + clientTime);

        AtLine at = AtLine.stamp("Goloman", Instant.ofEpochSecond(epochSecond, nano), iamat);

        assertThat(at.timeDifference()).isEqualTo(difference);
        assertThat(at.text()).isEqualTo("AT Goloman " + difference + " kiwi +34-118 " + clientTime);
    }

    @Test
    void stampCopiesTheClientFieldsAsWritten() {
        IAmAt iamat = iamat("IAMAT\tkiwi  +034.50-118.250\u000B1520023934.500");

        AtLine at = AtLine.stamp("Hill", Instant.ofEpochSecond(1520023935), iamat);

        assertThat(at.text()).isEqualTo("AT Hill +0.500000000 kiwi +034.50-118.250 1520023934.500");
    }

    @Test
    void parsesAServerToServerLine() {
        AtLine at = AtLine.parse(KIWI_AT).orElseThrow();

        assertThat(at.server()).isEqualTo("Goloman");
        assertThat(at.timeDifference()).isEqualTo("+0.263873386");
        assertThat(at.clientId()).isEqualTo("kiwi.cs.ucla.edu");
        assertThat(at.position())
                .isEqualTo(Position.parse("+34.068930-118.445127").orElseThrow());
        assertThat(at.clientTime())
                .isEqualTo(ClientTime.parse("1520023934.918963997").orElseThrow());
        assertThat(at.text()).isEqualTo(KIWI_AT);
    }

    @Test
    void parseUndoesStamp() {
        AtLine stamped = AtLine.stamp(
                "Goloman",
                Instant.ofEpochSecond(1520023934),
                iamat("IAMAT kiwi.cs.ucla.edu +34.068930-118.445127 1520023934.918963997"));

        assertThat(AtLine.parse(stamped.text())).contains(stamped);
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(
            strings = {
                " AT Goloman +0.263873386 kiwi.cs.ucla.edu +34.068930-118.445127 1520023934.918963997 ",
                "AT\tGoloman\r+0.263873386\nkiwi.cs.ucla.edu\f+34.068930-118.445127\u000B1520023934.918963997",
                "\u000B\fAT  Goloman \t +0.263873386   kiwi.cs.ucla.edu +34.068930-118.445127 1520023934.918963997\r\n",
            })
    void parseAcceptsAnyWhitespaceAndTextIsSingleSpaced(String line) {
        assertThat(AtLine.parse(line).orElseThrow().text()).isEqualTo(KIWI_AT);
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(
            strings = {
                "AT Goloman -0.263873386 kiwi +34-118 1520023934",
                "AT Goloman -1520023934.918963997 kiwi +34-118 1520023934.5",
                "AT Goloman +12345.000000000 kiwi -90+180 0",
            })
    void parseAcceptsOtherValidLines(String line) {
        assertThat(AtLine.parse(line).orElseThrow().text()).isEqualTo(line);
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(
            strings = {
                "",
                "AT",
                "AT Goloman +0.263873386 kiwi +34-118",
                "AT Goloman +0.263873386 kiwi +34-118 1520023934 extra",
                "at Goloman +0.263873386 kiwi +34-118 1520023934",
                "IAMAT Goloman +0.263873386 kiwi +34-118 1520023934",
                "AT Goloman 0.263873386 kiwi +34-118 1520023934",
                "AT Goloman +0.26387338 kiwi +34-118 1520023934",
                "AT Goloman +0.2638733860 kiwi +34-118 1520023934",
                "AT Goloman +.263873386 kiwi +34-118 1520023934",
                "AT Goloman +00.263873386 kiwi +34-118 1520023934",
                "AT Goloman +0 kiwi +34-118 1520023934",
                "AT Goloman +2.63873386e-1 kiwi +34-118 1520023934",
                "AT Goloman ±0.263873386 kiwi +34-118 1520023934",
                "AT Goloman +0.263873386 kiwi 34-118 1520023934",
                "AT Goloman +0.263873386 kiwi +91-118 1520023934",
                "AT Goloman +0.263873386 kiwi +34-180.5 1520023934",
                "AT Goloman +0.263873386 kiwi +34-118 1520023934.9189639970",
                "AT Goloman +0.263873386 kiwi +34-118 -1520023934",
            })
    void parseRejectsMalformedLines(String line) {
        assertThat(AtLine.parse(line)).isEmpty();
    }

    @Test
    void parseRejectsNull() {
        assertThat(AtLine.parse(null)).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] server \"{0}\", difference \"{1}\", client \"{2}\"")
    @CsvSource(
            delimiter = '|',
            value = {
                "Go loman | +0.000000000 | kiwi",
                "''       | +0.000000000 | kiwi",
                "Goloman  | 0.000000000  | kiwi",
                "Goloman  | +0.0         | kiwi",
                "Goloman  | +0.000000000 | ki\twi",
            })
    void constructorRejectsFieldsThatWouldBreakTheLine(String server, String difference, String clientId) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new AtLine(
                        server,
                        difference,
                        clientId,
                        Position.parse("+0+0").orElseThrow(),
                        ClientTime.parse("0").orElseThrow()));
    }

    @Test
    void strictlyNewerClientTimeSupersedesEvenIfEqualAsDouble() {
        AtLine older = at("AT Goloman +0.000000000 kiwi +34-118 1520023934.918963997");
        AtLine newer = at("AT Hill +5.000000000 kiwi +35-118 1520023934.918963998");

        assertThat(newer.supersedes(older)).isTrue();
        assertThat(older.supersedes(newer)).isFalse();
    }

    @Test
    void newerClientTimeWinsRegardlessOfText() {
        // The newer line has the lexicographically larger text, so only the time can make it win.
        AtLine older = at("AT Alpha +0.000000000 kiwi +34-118 1520023934.5");
        AtLine newer = at("AT Zulu +0.000000000 kiwi +34-118 1520023935");

        assertThat(newer.supersedes(older)).isTrue();
        assertThat(older.supersedes(newer)).isFalse();
    }

    @Test
    void identicalLinesDoNotSupersedeEachOther() {
        AtLine line = at(KIWI_AT);
        AtLine same = at(KIWI_AT);

        assertThat(line.supersedes(same)).isFalse();
        assertThat(same.supersedes(line)).isFalse();
        assertThat(line.compareTo(same)).isZero();
    }

    static Stream<Arguments> distinctLinesWithEqualClientTime() {
        return Stream.of(
                Arguments.of(
                        "AT Goloman +0.263873386 kiwi +34-118 1520023934.918963997",
                        "AT Hill +0.163873386 kiwi +34-118 1520023934.918963997"),
                Arguments.of(
                        "AT Goloman +0.263873386 kiwi +34-118 1520023934.918963997",
                        "AT Goloman +0.263873386 kiwi +34.0-118 1520023934.918963997"),
                Arguments.of(
                        "AT Goloman +0.263873386 kiwi +34-118 1520023934.918963997",
                        "AT Goloman +0.263873387 kiwi +34-118 1520023934.918963997"),
                Arguments.of(
                        "AT Goloman +0.500000000 kiwi +34-118 1520023934.5",
                        "AT Goloman +0.500000000 kiwi +34-118 1520023934.500000000"));
    }

    @ParameterizedTest(name = "[{index}] {0} vs {1}")
    @MethodSource("distinctLinesWithEqualClientTime")
    void onEqualClientTimeExactlyOneSupersedesAndItIsTheSmallerText(String first, String second) {
        AtLine a = at(first);
        AtLine b = at(second);

        assertThat(a.clientTime().compareTo(b.clientTime())).isZero();
        assertThat(a.supersedes(b)).isNotEqualTo(b.supersedes(a));
        assertThat(a.supersedes(b)).isEqualTo(first.compareTo(second) < 0);
    }

    @Test
    void everyArrivalOrderConvergesToTheSameRecord() {
        List<AtLine> lines = List.of(
                at("AT Hill +0.100000000 kiwi +34-118 1520023934.918963997"),
                at("AT Goloman +0.200000000 kiwi +34-118 1520023934.918963997"),
                at("AT Bailey +0.300000000 kiwi +34-118 1520023934.918963996"),
                at("AT Jaquez +0.400000000 kiwi +34-118 1520023934.918963997"));

        for (List<AtLine> order : permutations(lines)) {
            AtLine kept = order.get(0);
            for (AtLine arriving : order.subList(1, order.size())) {
                if (arriving.supersedes(kept)) {
                    kept = arriving;
                }
            }
            assertThat(kept.server()).as("kept after %s", order).isEqualTo("Goloman");
        }
    }

    @Test
    void orderingAgreesWithSupersedes() {
        AtLine a = at("AT Goloman +0.263873386 kiwi +34-118 1520023934.918963997");
        AtLine b = at("AT Hill +0.263873386 kiwi +34-118 1520023934.918963997");
        AtLine c = at("AT Alpha +0.263873386 kiwi +34-118 1520023934.918963998");

        assertThat(List.of(a, b, c).stream().max(AtLine::compareTo)).contains(c);
        assertThat(a.compareTo(b) > 0).isEqualTo(a.supersedes(b));
        assertThat(b.compareTo(a) > 0).isEqualTo(b.supersedes(a));
        assertThat(Integer.signum(a.compareTo(b))).isEqualTo(-Integer.signum(b.compareTo(a)));
    }

    @Test
    void comparingWithATextAgreesWithComparingWithTheLine() {
        List<AtLine> lines = List.of(
                at("AT Goloman +0.263873386 kiwi +34-118 1520023934.918963997"),
                at("AT Hill +0.263873386 kiwi +34-118 1520023934.918963997"),
                at("AT Alpha +0.263873386 kiwi +34-118 1520023934.918963998"),
                at("AT Goloman +0.500000000 kiwi +34-118 1520023934.5"),
                at("AT Goloman +0.500000000 kiwi +34-118 1520023934.500000000"),
                at("AT Goloman +0.500000000 kiwi +34-118 999"),
                at("AT Goloman +0.500000000 kiwi +34-118 10000000000000000000000"));

        for (AtLine a : lines) {
            for (AtLine b : lines) {
                assertThat(Integer.signum(a.compareToText(b.text())))
                        .as("%s against %s", a, b)
                        .isEqualTo(Integer.signum(a.compareTo(b)));
            }
        }
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(
            strings = {
                "AT Goloman +0.263873386 kiwi +34-118",
                "AT Goloman +0.263873386 kiwi +34-118 15200x",
                "AT Goloman +0.263873386 kiwi +34-118 1.1234567890",
                "AT Goloman +0.263873386 kiwi +34-118 ",
            })
    void comparingWithATextThatEndsInNoClientTimeIsRefused(String text) {
        AtLine line = at("AT Goloman +0.263873386 kiwi +34-118 1520023934.918963997");

        assertThatIllegalArgumentException().isThrownBy(() -> line.compareToText(text));
    }

    @Test
    void aLineIsEqualToAnotherExactlyWhenTheirTextsAre() {
        AtLine parsed = at("AT Goloman +0.263873386 kiwi +34-118 1520023934.5");
        AtLine made = new AtLine(
                "Goloman",
                "+0.263873386",
                "kiwi",
                Position.parse("+34-118").orElseThrow(),
                ClientTime.parse("1520023934.5").orElseThrow());
        AtLine sameInstantOtherText = at("AT Goloman +0.263873386 kiwi +34-118 1520023934.500");

        assertThat(made).isEqualTo(parsed).hasSameHashCodeAs(parsed);
        assertThat(sameInstantOtherText).isNotEqualTo(parsed);
        assertThat(parsed.compareTo(sameInstantOtherText)).isNotZero();
    }

    @Test
    void aSingleSpacedLineIsKeptAsItsOwnText() {
        String line = "AT Goloman +0.263873386 kiwi +34-118 1520023934.5";

        assertThat(AtLine.parse(line).orElseThrow().text()).isSameAs(line);
    }

    private static List<List<AtLine>> permutations(List<AtLine> items) {
        if (items.size() <= 1) {
            return List.of(items);
        }
        List<List<AtLine>> result = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            List<AtLine> rest = new ArrayList<>(items);
            AtLine first = rest.remove(i);
            for (List<AtLine> tail : permutations(rest)) {
                List<AtLine> permutation = new ArrayList<>();
                permutation.add(first);
                permutation.addAll(tail);
                result.add(permutation);
            }
        }
        return result;
    }

    private static AtLine at(String line) {
        return AtLine.parse(line).orElseThrow();
    }

    private static IAmAt iamat(String line) {
        return (IAmAt) Request.parse(line);
    }

    @Test
    void theClientIdIsReadFromALinesText() {
        String text = "AT Welsh +0.100000000 kiwi.cs.ucla.edu +34.068930-118.445127 1520023934.918963997";

        assertThat(AtLine.clientIdOf(text)).isEqualTo("kiwi.cs.ucla.edu");
        assertThatIllegalArgumentException().isThrownBy(() -> AtLine.clientIdOf("AT Welsh +0.1"));
    }
}
