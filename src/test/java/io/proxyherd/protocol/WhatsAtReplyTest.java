package io.proxyherd.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WhatsAtReplyTest {

    private static final String KIWI_AT =
            "AT Goloman +0.263873386 kiwi.cs.ucla.edu +34.068930-118.445127 1520023934.918963997";
    private static final AtLine AT = AtLine.parse(KIWI_AT).orElseThrow();

    @Test
    void repliesWithTheAtLineThenTheJsonThenABlankLine() {
        String json = "{\n  \"results\" : [],\n  \"status\" : \"ZERO_RESULTS\"\n}\n";

        assertThat(WhatsAtReply.format(AT, json))
                .isEqualTo(KIWI_AT + "\n" + "{\n  \"results\" : [],\n  \"status\" : \"ZERO_RESULTS\"\n}\n\n");
    }

    @Test
    void collapsesEveryRunOfNewlinesAndTrimsBothEnds() {
        String json = "\n\n{\n\n\n   \"html_attributions\" : [],\n\n   \"results\" : [\n      {\n\n\n\n"
                + "         \"name\" : \"Kerckhoff\"\n      }\n   ]\n}\n\n\n";

        assertThat(WhatsAtReply.format(AT, json))
                .isEqualTo(KIWI_AT + "\n"
                        + "{\n   \"html_attributions\" : [],\n   \"results\" : [\n      {\n"
                        + "         \"name\" : \"Kerckhoff\"\n      }\n   ]\n}\n\n");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "'{}'               | '{}'",
                "'{}\\n'            | '{}'",
                "'\\n{}'            | '{}'",
                "'{\\n}'            | '{\\n}'",
                "'{\\n\\n}'         | '{\\n}'",
                "'\\n\\n\\n{\\n\\n\\n\\n}\\n\\n' | '{\\n}'",
                "'{\\r\\n\\r\\n}'   | '{\\r\\n\\r\\n}'",
                "'\\n'              | ''",
                "''                 | ''",
            })
    void normalisesNewlines(String escapedJson, String escapedExpected) {
        String reply = WhatsAtReply.format(AT, unescape(escapedJson));

        assertThat(reply).isEqualTo(KIWI_AT + "\n" + unescape(escapedExpected) + "\n\n");
    }

    @Test
    void leavesOtherWhitespaceInTheJsonAlone() {
        assertThat(WhatsAtReply.format(AT, "{\t \"a\" :\f1 }")).isEqualTo(KIWI_AT + "\n{\t \"a\" :\f1 }\n\n");
    }

    @Test
    void usesTheStoredAtLineAsItsOriginServerProducedIt() {
        AtLine fromPeer = AtLine.parse("AT Hill -0.000000001 kiwi +034.50-118.250 1520023934.500")
                .orElseThrow();

        assertThat(WhatsAtReply.format(fromPeer, "{}"))
                .isEqualTo("AT Hill -0.000000001 kiwi +034.50-118.250 1520023934.500\n{}\n\n");
    }

    private static String unescape(String text) {
        return text.replace("\\n", "\n").replace("\\r", "\r");
    }
}
