package io.proxyherd.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * The parser against a reference reading of the protocol written independently, with regular expressions and
 * {@code BigDecimal}, over generated lines: arbitrary text (any UTF-16, unpaired surrogates and NULs included),
 * and IAMAT and WHATSAT lines made of values inside and just outside their ranges, with near misses in form
 * (other whitespace and Unicode spaces, missing or doubled signs, too many fraction digits, words run
 * together or shuffled). No exception escapes, every line the reference finds invalid is answered {@code ? } plus
 * the line, and every valid one parses to the same values. jqwik prints each property's seed in its report;
 * {@code -Djqwik.seeds.whenfixed=...} or {@code @Property(seed = ...)} runs one again.
 */
class ProtocolFuzzTest {

    private static final int TRIES = 100_000;

    @Property(tries = TRIES)
    void anyTextIsParsedAsTheReferenceReadsIt(@ForAll("anyText") String line) {
        assertAgreesWithReference(line);
    }

    @Property(tries = TRIES)
    void nearlyValidLinesAreParsedAsTheReferenceReadsThem(@ForAll("protocolLike") String line) {
        assertAgreesWithReference(line);
    }

    private static void assertAgreesWithReference(String line) {
        Request parsed = Request.parse(line);
        Object expected = Reference.read(line);
        // The report shows how many lines of each kind a run made: a generator that stopped making valid ones would
        // show.
        Statistics.collect(expected.getClass().getSimpleName());
        if (expected instanceof Reference.Location location) {
            assertThat(parsed).isInstanceOf(IAmAt.class);
            IAmAt iamat = (IAmAt) parsed;
            assertThat(iamat.clientId()).isEqualTo(location.clientId());
            assertThat(iamat.position().text()).isEqualTo(location.position());
            assertThat(iamat.position().latitude()).isEqualByComparingTo(location.latitude());
            assertThat(iamat.position().longitude()).isEqualByComparingTo(location.longitude());
            assertThat(iamat.time().seconds()).isEqualByComparingTo(location.seconds());
        } else if (expected instanceof Reference.Question question) {
            assertThat(parsed).isInstanceOf(WhatsAt.class);
            WhatsAt whatsAt = (WhatsAt) parsed;
            assertThat(whatsAt.clientId()).isEqualTo(question.clientId());
            assertThat(whatsAt.radiusKm()).isEqualByComparingTo(question.radiusKm());
            assertThat(whatsAt.maxResults()).isEqualTo(question.maxResults());
        } else {
            assertThat(parsed).isInstanceOf(Invalid.class);
            assertThat(((Invalid) parsed).reply()).isEqualTo("? " + line + "\n");
        }
    }

    @Provide
    Arbitrary<String> anyText() {
        return Arbitraries.strings().all().ofMaxLength(80);
    }

    @Provide
    Arbitrary<String> protocolLike() {
        Arbitrary<List<String>> iamat = Combinators.combine(clientId(), position(), decimal(10))
                .as((id, at, time) -> List.of("IAMAT", id, at, time));
        Arbitrary<List<String>> whatsAt = Combinators.combine(clientId(), decimal(3), count())
                .as((id, radius, most) -> List.of("WHATSAT", id, radius, most));
        Arbitrary<String> anyWord = Arbitraries.oneOf(
                Arbitraries.of("IAMAT", "WHATSAT", "AT", "iamat", "IAMAT\u0000"),
                clientId(),
                position(),
                decimal(10),
                count(),
                Arbitraries.strings().all().ofMaxLength(6));
        Arbitrary<List<String>> words = Arbitraries.frequencyOf(
                Tuple.of(4, iamat),
                Tuple.of(4, whatsAt),
                Tuple.of(2, anyWord.list().ofMaxSize(6)));
        Arbitrary<List<String>> gaps = Arbitraries.frequency(
                        Tuple.of(20, " "),
                        Tuple.of(2, "  "),
                        Tuple.of(1, "\t"),
                        Tuple.of(1, "\r"),
                        Tuple.of(1, "\f"),
                        Tuple.of(1, "\u000B"),
                        Tuple.of(1, "\n"),
                        Tuple.of(1, "\u00A0"),
                        Tuple.of(1, "\u2003"),
                        Tuple.of(1, ""))
                .list()
                .ofSize(8);
        return Combinators.combine(words, gaps).as((line, between) -> {
            // Gaps before the first word and after the last too: the protocol ignores them, Unicode spaces aside.
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < line.size(); i++) {
                text.append(between.get(i)).append(line.get(i));
            }
            return text.append(between.get(7)).toString();
        });
    }

    private static Arbitrary<String> clientId() {
        return Arbitraries.oneOf(
                Arbitraries.strings()
                        .alpha()
                        .numeric()
                        .withChars(".-_@")
                        .ofMinLength(1)
                        .ofMaxLength(12),
                Arbitraries.strings().all().ofMinLength(1).ofMaxLength(4),
                Arbitraries.of("a\u0000b", "\uFFFD", "x\u001B[2J", "nel\u0085", "del\u007F", "caf\u00E9"));
    }

    /** Coordinates inside and just outside their ranges, and near misses in form. */
    private static Arbitrary<String> position() {
        Arbitrary<String> sign =
                Arbitraries.frequency(Tuple.of(10, "+"), Tuple.of(10, "-"), Tuple.of(1, ""), Tuple.of(1, "++"));
        Arbitrary<String> latitude =
                Arbitraries.oneOf(coordinate(95), Arbitraries.of("90", "90.0", "90.000001", "090", "9e1", ".5", "5."));
        Arbitrary<String> longitude =
                Arbitraries.oneOf(coordinate(185), Arbitraries.of("180", "180.0", "180.0000001", "0180", "1..2"));
        return Combinators.combine(sign, latitude, sign, longitude).as((s1, lat, s2, lon) -> s1 + lat + s2 + lon);
    }

    private static Arbitrary<String> coordinate(int upTo) {
        return Combinators.combine(
                        Arbitraries.integers().between(0, upTo),
                        Arbitraries.strings().numeric().ofMaxLength(8))
                .as((whole, fraction) -> whole + (fraction.isEmpty() ? "" : "." + fraction));
    }

    /** Unsigned decimals with up to {@code fractionDigits} fraction digits (times, radii), and near misses. */
    private static Arbitrary<String> decimal(int fractionDigits) {
        Arbitrary<String> made = Combinators.combine(
                        Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(11),
                        Arbitraries.strings().numeric().ofMaxLength(fractionDigits))
                .as((whole, fraction) -> whole + (fraction.isEmpty() ? "" : "." + fraction));
        Arbitrary<String> edges = Arbitraries.of(
                "0",
                "50",
                "50.0",
                "50.000000001",
                "0.0",
                "1520023934.918963997",
                "1.1234567890",
                "-1",
                "+5",
                "1.",
                ".5",
                "\u0661\u0662",
                "5e1",
                "0x1");
        return Arbitraries.frequencyOf(Tuple.of(4, made), Tuple.of(1, edges));
    }

    private static Arbitrary<String> count() {
        return Arbitraries.oneOf(
                Arbitraries.integers().between(-1, 25).map(String::valueOf),
                Arbitraries.of("020", "007", "99999999999999999999", "1.0"));
    }

    /** The protocol as its description states it, read with regular expressions: the oracle of these properties. */
    private static final class Reference {

        /** What a valid IAMAT says. */
        record Location(
                String clientId, String position, BigDecimal latitude, BigDecimal longitude, BigDecimal seconds) {}

        /** What a valid WHATSAT asks. */
        record Question(String clientId, BigDecimal radiusKm, int maxResults) {}

        /** What an invalid line is. */
        record Nothing() {}

        private static final Pattern SPACE = Pattern.compile("[ \\t\\r\\n\\f\\u000B]+");
        /** Control characters but the whitespace above, and the replacement character that stands for bytes not UTF-8. */
        private static final Pattern FORBIDDEN = Pattern.compile("[\\p{Cc}\\uFFFD&&[^ \\t\\r\\n\\f\\u000B]]");

        private static final Pattern COORDINATES =
                Pattern.compile("([+-][0-9]+(?:\\.[0-9]+)?)([+-][0-9]+(?:\\.[0-9]+)?)");
        private static final Pattern TIME = Pattern.compile("[0-9]+(?:\\.[0-9]{1,9})?");
        private static final Pattern RADIUS = Pattern.compile("[0-9]+(?:\\.[0-9]+)?");
        private static final Pattern COUNT = Pattern.compile("[0-9]+");

        static Object read(String line) {
            List<String> fields = Arrays.stream(SPACE.split(line))
                    .filter(field -> !field.isEmpty())
                    .toList();
            if (fields.size() != 4 || FORBIDDEN.matcher(line).find()) {
                return new Nothing();
            }
            return switch (fields.get(0)) {
                case "IAMAT" -> location(fields);
                case "WHATSAT" -> question(fields);
                default -> new Nothing();
            };
        }

        private static Object location(List<String> fields) {
            Matcher coordinates = COORDINATES.matcher(fields.get(2));
            if (!coordinates.matches() || !TIME.matcher(fields.get(3)).matches()) {
                return new Nothing();
            }
            BigDecimal latitude = new BigDecimal(coordinates.group(1));
            BigDecimal longitude = new BigDecimal(coordinates.group(2));
            if (latitude.abs().compareTo(BigDecimal.valueOf(90)) > 0
                    || longitude.abs().compareTo(BigDecimal.valueOf(180)) > 0) {
                return new Nothing();
            }
            return new Location(fields.get(1), fields.get(2), latitude, longitude, new BigDecimal(fields.get(3)));
        }

        private static Object question(List<String> fields) {
            if (!RADIUS.matcher(fields.get(2)).matches()
                    || !COUNT.matcher(fields.get(3)).matches()) {
                return new Nothing();
            }
            BigDecimal radius = new BigDecimal(fields.get(2));
            BigDecimal count = new BigDecimal(fields.get(3));
            boolean inRange = radius.signum() > 0
                    && radius.compareTo(BigDecimal.valueOf(50)) <= 0
                    && count.compareTo(BigDecimal.ONE) >= 0
                    && count.compareTo(BigDecimal.valueOf(20)) <= 0;
            return inRange ? new Question(fields.get(1), radius, count.intValueExact()) : new Nothing();
        }
    }
}
